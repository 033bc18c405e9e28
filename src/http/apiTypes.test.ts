import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { ApiResponse, ApiRoute } from './apiTypes';
import type { dashboardResponse } from './routes/stats/schema';
import type { meSchema } from './routes/auth/schema';
import type { structureListResponse } from './routes/structures/schema';

describe('the typed client types (checked by tsc)', () => {
  it('follows literal and parameterised paths to the route’s response schema', () => {
    expectTypeOf<ApiResponse<'get', '/me'>>().toEqualTypeOf<z.output<typeof meSchema>>();
    expectTypeOf<ApiResponse<'get', '/stats/dashboard'>>().toEqualTypeOf<z.output<typeof dashboardResponse>>();
    expectTypeOf<ApiResponse<'get', '/structures?page=2'>>().toEqualTypeOf<z.output<typeof structureListResponse>>();
    const id = 12 as number;
    const path = `/structures/${id}/cash` as const;
    expectTypeOf<ApiRoute<'get', typeof path>['path']>().toEqualTypeOf<'/api/structures/:id/cash'>();
  });

  it('tells a parameter from the next segment and the method apart', () => {
    expectTypeOf<ApiRoute<'get', `/structures/${number}`>['path']>().toEqualTypeOf<'/api/structures/:id'>();
    expectTypeOf<ApiRoute<'post', '/auth/login'>['path']>().toEqualTypeOf<'/api/auth/login'>();
    expectTypeOf<ApiRoute<'get', '/auth/login'>>().toBeNever();
    expectTypeOf<ApiResponse<'get', '/no/such/route'>>().toBeNever();
  });

  it('follows an id written as a string (read from the URL) and a union of paths', () => {
    expectTypeOf<ApiRoute<'get', `/structures/${string}`>['path']>().toEqualTypeOf<'/api/structures/:id'>();
    expectTypeOf<ApiRoute<'get', `/structures/${string}/cash`>['path']>().toEqualTypeOf<'/api/structures/:id/cash'>();
    expectTypeOf<ApiResponse<'get', `/structures/${string}`>>().not.toBeUnknown();
    expectTypeOf<ApiRoute<'get', '/action-sheets/themes'>['path']>().toEqualTypeOf<'/api/action-sheets/themes'>();
    expectTypeOf<ApiRoute<'get', `/action-sheets/${string}`>['path']>().toEqualTypeOf<'/api/action-sheets/:id'>();
    type OpenOrClose = ApiResponse<'post', `/campaigns/${number}/${'open' | 'close'}`>;
    expectTypeOf<OpenOrClose>().toEqualTypeOf<ApiResponse<'post', `/campaigns/${number}/open`> | ApiResponse<'post', `/campaigns/${number}/close`>>();
    expectTypeOf<OpenOrClose>().not.toBeNever();
  });

  it('gives unknown for a path built at run time and for a file', () => {
    expectTypeOf<ApiResponse<'get', string>>().toBeUnknown();
    expectTypeOf<ApiResponse<'get', '/reports/plaquette'>>().toBeUnknown();
  });
});
