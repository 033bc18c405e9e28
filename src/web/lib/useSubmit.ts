import { useState } from 'react';
import { ApiError } from './api';

/**
 * A form's or button's sending state: `run(work)` marks it busy, runs the request, calls `onDone` when it
 * succeeded, and keeps the error (in French) to show when it failed — never an unhandled rejection.
 * @example const { busy, error, run } = useSubmit(reload); <button onClick={() => run(() => api.del(path))} disabled={busy}>
 */
export function useSubmit(onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  async function run(work: () => Promise<unknown>) {
    setBusy(true); setError(null);
    try { await work(); onDone(); } catch (e) { setError(e instanceof ApiError ? e : new ApiError(0, 'internal', 'L’envoi a échoué.')); } finally { setBusy(false); }
  }
  return { busy, error, run };
}
