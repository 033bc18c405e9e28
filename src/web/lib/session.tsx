import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken } from './api';
import type { Me } from './types';

interface Session {
  /** null until /api/me has answered once. */
  me: Me | null;
  /** Set when /api/me itself failed (server down): the app still renders public pages. */
  error: ApiError | null;
  login: (email: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

const anonymousMe: Me = { user: null, memberships: [] };

async function fetchMe(): Promise<Me> {
  const me = await api.get('/me');
  setCsrfToken(me.csrfToken);
  return me;
}

/** Who is connected, shared by every page; the cookie is httpOnly so /api/me is the only way to know. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    fetchMe().then(setMe, (e: unknown) => {
      setMe(anonymousMe);
      setError(e instanceof ApiError ? e : null);
    });
  }, []);

  const login = useCallback(async (email: string, password: string) => {
    const r = await api.post('/auth/login', { email, password });
    setCsrfToken(r.csrfToken);
    // Login only says "ok": roles and scopes come from /api/me.
    setMe(await fetchMe());
    setError(null);
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } finally {
      setCsrfToken(undefined);
      setMe(anonymousMe);
    }
  }, []);

  const value = useMemo(() => ({ me, error, login, logout }), [me, error, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
