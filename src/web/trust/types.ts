/** Shapes of the trust API (cockpit, quality, queries, outbox), read from the routes' response schemas. */
import type { ApiResponse } from '../../http/apiTypes';

export type TerritoryLevel = 'nation' | 'region' | 'departement';

export type Cockpit = ApiResponse<'get', `/campaigns/${number}/cockpit`>;
/** A later deadline granted to a région or a département (AAAA-MM-JJ). */
export type TerritoryDeadline = NonNullable<Cockpit['campaign']['deadlines']>[number];

export type ResponseQuality = ApiResponse<'get', `/responses/${number}/quality`>;
export type QualityFinding = ResponseQuality['findings'][number];
/** The answer a finding points at: how likely it is the wrong one, and the correction proposed to the structure. */
export type FindingSuspect = NonNullable<QualityFinding['suspect']>;
export type Person = ResponseQuality['people']['structure'][number];

export type Query = ApiResponse<'get', `/responses/${number}/queries`>['items'][number];
export type QueryMessage = Query['messages'][number];

export type ResponseDetail = ApiResponse<'get', `/responses/${number}`>;
export type StoredAnswer = ResponseDetail['answers'][number];

export type OutboxMail = ApiResponse<'get', '/outbox'>['items'][number];
