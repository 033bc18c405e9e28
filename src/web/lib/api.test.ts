import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { meSchema } from '../../http/routes/auth/schema';
import type { dashboardResponse } from '../../http/routes/stats/schema';
import { api } from './api';

describe('api: the typed client (checked by tsc)', () => {
  it('reads the response type from the route the written path reaches', () => {
    const year = 2025 as number;
    // Never called: only the types of these calls are checked.
    const me = () => api.get('/me');
    const dashboard = () => api.get('/stats/dashboard', { year });
    const explicit = () => api.get<{ mine: true }>(`/stats/dashboard`);
    expectTypeOf<Awaited<ReturnType<typeof me>>>().toEqualTypeOf<z.output<typeof meSchema>>();
    expectTypeOf<Awaited<ReturnType<typeof dashboard>>>().toEqualTypeOf<z.output<typeof dashboardResponse>>();
    expectTypeOf<Awaited<ReturnType<typeof explicit>>>().toEqualTypeOf<{ mine: true }>();
  });

  it('follows a path written as a template with its parameters', () => {
    const id = 12 as number;
    const login = () => api.post('/auth/login', { email: 'a@b.fr', password: 'x' });
    const cash = () => api.get(`/structures/${id}/cash`);
    expectTypeOf<Awaited<ReturnType<typeof login>>>().toEqualTypeOf<{ ok: true; csrfToken: string }>();
    expectTypeOf<Awaited<ReturnType<typeof cash>>>().not.toBeNever();
  });
});
