/**
 * The API's types for the web app, read from the route docs themselves (their zod response schemas): a path
 * as the web app writes it (`/structures/${id}/cash`, without `/api`) gives the JSON a success sends.
 * Type-only: the browser bundle imports nothing from the server.
 * @example type Cash = ApiResponse<'get', `/structures/${number}/cash`>;
 */
import type { z } from 'zod';
import type { ApiRouteDoc } from './app';

type Segments<P extends string> = P extends `${infer Head}/${infer Tail}` ? [Head, ...Segments<Tail>] : [P];

/** Whether a written path (segments) fits a route pattern (segments, `:id` for a parameter). */
type Fits<Written extends string[], Pattern extends string[]> =
  Pattern extends [infer PH extends string, ...infer PT extends string[]]
    ? Written extends [infer WH extends string, ...infer WT extends string[]]
      ? PH extends `:${string}` ? (WH extends '' ? false : Fits<WT, PT>) : WH extends PH ? Fits<WT, PT> : false
      : false
    : Written extends [] ? true : false;

type Method = ApiRouteDoc['method'];
type OnMethod<M extends Method> = Extract<ApiRouteDoc, { method: M }>;
type PathOnly<P extends string> = P extends `${infer Path}?${string}` ? Path : P;

/**
 * Docs whose path is exactly the written one (`/action-sheets/themes` before `/action-sheets/:id`). The written path must
 * fit the doc's, not the reverse: `/structures/${string}` (an id read from the URL) is no exact path, though every
 * `/api/structures/…` doc would fit it.
 */
type Exact<M extends Method, P extends string> = OnMethod<M> extends infer D
  ? D extends { path: infer DP extends string } ? (`/api${PathOnly<P>}` extends DP ? D : never) : never : never;
/** Docs whose pattern the written path fits. */
type Fitting<M extends Method, P extends string> = OnMethod<M> extends infer D
  ? D extends { path: infer DP extends string } ? (Fits<Segments<`/api${PathOnly<P>}`>, Segments<DP>> extends true ? D : never) : never : never;

/** The route a written path reaches: the exact one, else the patterns it fits. */
export type ApiRoute<M extends Method, P extends string> = [Exact<M, P>] extends [never] ? Fitting<M, P> : Exact<M, P>;

/** The JSON a success of `M P` sends; `unknown` for a path the types cannot follow (built at run time) or a route that sends a file. */
export type ApiResponse<M extends Method, P extends string> = string extends P ? unknown
  : P extends string ? ApiResponseOfOne<M, P> : never;
/** A union of written paths (`/campaigns/${number}/${'open' | 'close'}`) gives the union of their responses. */
type ApiResponseOfOne<M extends Method, P extends string> = ApiRoute<M, P> extends infer D ? ([D] extends [never] ? never : D extends { response: infer S extends z.ZodType } ? z.output<S> : unknown) : never;
