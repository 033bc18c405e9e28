import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { CampaignState } from '../domain/campaignState';
import type { ResponseState } from '../domain/responseState';
import type { Role } from '../domain/roles';
import type { QueryState } from '../domain/workflow';
import type { OutboxState } from '../domain/outbox';
import type { JobProgress, JobRefusal, JobState } from '../domain/jobs';
import type { TerritoryGrant } from '../domain/people';

/** Kysely table types; they mirror the migrations in ./migrations. */
export interface Database {
  regions: { code: string; name: string };
  departements: { code: string; name: string; region_code: string };
  epcis: { code: string; name: string; kind: string; population: Generated<number> };
  communes: {
    code: string; name: string; departement_code: string; region_code: string; epci_code: string | null;
    postal_code: string | null; population: Generated<number>; lat: number | null; lon: number | null;
  };
  structures: StructureTable;
  approvals: { id: Generated<number>; structure_id: number; kind: string; starts_on: DateColumn; ends_on: DateColumn | null };
  users: {
    id: Generated<number>; email: string; name: string; password_hash: string;
    disabled: Generated<boolean>; created_at: Generated<Date>;
    /** Set when the person was removed (migration 014): name and e-mail are then a pseudonym. */
    removed_at: Generated<Date | null>;
  };
  memberships: {
    id: Generated<number>; user_id: number; role: Role; organisation: string | null;
    structure_id: number | null; departement_code: string | null; region_code: string | null;
    created_at: Generated<Date>;
  };
  sessions: { id: string; user_id: number; csrf_token: string; created_at: Generated<Date>; expires_at: Date };
  questionnaires: {
    id: Generated<number>; year: number; version: number;
    definition: JSONColumnType<Record<string, unknown>>; created_at: Generated<Date>;
  };
  campaigns: {
    id: Generated<number>; year: number; questionnaire_id: number | null; state: Generated<CampaignState>;
    opens_on: DateColumn; closes_on: DateColumn; deadlines: ColumnType<Record<string, string>, string | undefined, string>;
  };
  responses: {
    id: Generated<number>; structure_id: number; campaign_id: number; state: Generated<ResponseState>;
    submitted_at: Date | null; validated_at: Date | null; updated_at: Generated<Date>;
    quality_score: number | null; quality_at: Date | null;
  };
  queries: {
    id: Generated<number>; response_id: number; code: string; state: Generated<QueryState>; opened_by: number;
    opened_at: Generated<Date>; closed_at: Date | null;
  };
  query_messages: { id: Generated<number>; query_id: number; author_id: number; kind: string; body: string; at: Generated<Date> };
  quality_findings: {
    id: Generated<number>; response_id: number; kind: string; level: string;
    codes: ColumnType<string[], string, string>; reason: string; details: ColumnType<Record<string, unknown>, string, string>;
  };
  answers: {
    response_id: number; code: string; value: ColumnType<unknown, string, string>;
    version: Generated<number>; author_id: number | null; updated_at: Generated<Date>; prefilled: Generated<boolean>;
  };
  answer_revisions: {
    id: Generated<number>; response_id: number; code: string; value: ColumnType<unknown, string | null, never>;
    previous: ColumnType<unknown, string | null, never>; version: number; author_id: number | null; kind: Generated<string>; at: Generated<Date>;
  };
  local_questions: {
    id: Generated<number>; campaign_id: number; level: 'departement' | 'region'; territory_code: string; code: string;
    element: JSONColumnType<Record<string, unknown>, string, string>; author_id: number | null;
    created_at: Generated<Date>; updated_at: Generated<Date>;
  };
  answer_comments: { id: Generated<number>; response_id: number; code: string; author_id: number; kind: Generated<string>; body: string; at: Generated<Date> };
  releases: {
    id: Generated<number>; year: number; number: number; published_at: Generated<Date>; published_by: number | null; note: Generated<string>;
    summary: ColumnType<Record<string, unknown>, string, string>; figures: ColumnType<unknown, string, string>;
  };
  release_records: { release_id: number; structure_id: number; record: ColumnType<unknown, string, string> };
  /** Migration 019: a release's stored files (open data, plaquettes), written once; see releaseFiles.repo.ts. */
  release_files: {
    year: number; number: number; name: string; content_type: string; bytes: Uint8Array; byte_size: number; sha256: string; created_at: Generated<Date>;
  };
  invitations: {
    id: Generated<number>; structure_id: number | null; email: string; token_hash: string; invited_by: number;
    /** Every role but the national administrator's (CHECK invitations_role, migration 015). */
    role: Exclude<Role, 'national_admin'>;
    /** Migration 015: a territory role's scope instead of a structure (see domain/people). */
    scope: ColumnType<TerritoryGrant | null, string | null | undefined, string | null>;
    expires_at: Date; accepted_at: Date | null; created_at: Generated<Date>;
    accepted_by: number | null; revoked_at: Date | null; revoked_by: number | null;
  };
  /** Migration 013: login counters, written by rate-limiter-flexible's PostgreSQL store (src/app/infra/loginLimiter.ts); Kysely only purges them. */
  login_limits: { key: string; points: Generated<number>; expire: number | null };
  /** Migration 016: "mot de passe oublié"; the token is stored hashed, the link written into the mail only when it leaves. */
  password_resets: { id: Generated<number>; user_id: number; token_hash: string; created_at: Generated<Date>; expires_at: Date; used_at: Date | null };
  outbox: { id: Generated<number>; to_email: string; subject: string; body: string; structure_id: number | null; created_at: Generated<Date>; sent_at: Date | null; invitation_id: number | null;
    password_reset_id: Generated<number | null>;
    /** The sending queue (migration 012): one sender holds a mail while 'sending'; see outbox.repo.ts. */
    state: Generated<OutboxState>; attempts: Generated<number>; next_attempt_at: Generated<Date>; locked_at: Date | null; last_error: string | null; message_id: string | null;
  };
  peer_groups: {
    campaign_id: number; structure_id: number; rank: number; neighbour_id: number; distance: number;
    reasons: JSONColumnType<Record<string, string>, string, string>; frozen_at: Generated<Date>;
  };
  /** Migration 018: the durable job queue (issue 16); one runner holds a job while 'running'; see jobs.repo.ts. */
  jobs: {
    id: Generated<number>; kind: string; payload: JSONColumnType<Record<string, unknown>, string, string>; state: Generated<JobState>;
    run_at: Generated<Date>; attempts: Generated<number>; max_attempts: Generated<number>; locked_at: Date | null; locked_by: string | null;
    last_error: string | null; dedupe_key: string | null; created_at: Generated<Date>;
    /** Migration 020: a job asked for by a person keeps its author, input, progress and outcome. */
    requested_by: number | null; input: Uint8Array | null;
    progress: JSONColumnType<JobProgress, string, string> | null; result: JSONColumnType<object, string, string> | null;
    error: JSONColumnType<JobRefusal, string, string> | null; finished_at: Date | null;
  };
  consent_requests: {
    id: Generated<number>; requester_id: number; target_id: number; requested_by: number | null;
    state: Generated<'pending' | 'accepted' | 'refused' | 'withdrawn'>; created_at: Generated<Date>;
    decided_at: Date | null; withdrawn_at: Date | null;
  };
  consent_ledger: {
    id: Generated<number>; request_id: number; structure_id: number; actor_id: number | null;
    action: 'request' | 'grant' | 'refuse' | 'withdraw'; at: Generated<Date>;
  };
  partners: {
    id: Generated<number>; structure_id: number; kind: string; name: string; siret: string | null;
    themes: ColumnType<string[], string, string>; created_by: number | null; created_at: Generated<Date>; updated_at: Generated<Date>;
  };
  partner_sharing: { structure_id: number; shared: Generated<boolean>; decided_by: number | null; decided_at: Generated<Date> };
  audit_events: {
    id: Generated<number>; at: Generated<Date>; actor_id: number | null; action: string; entity: string;
    entity_id: string; data: JSONColumnType<Record<string, unknown>, string, string>;
  };
  action_sheets: {
    id: Generated<number>; structure_id: number; state: Generated<'draft' | 'published'>; title: string; summary: Generated<string>;
    themes: JSONColumnType<string[], string, string>; keywords: JSONColumnType<string[], string, string>;
    audience: Generated<string>; partners: Generated<string>; resources: Generated<string>; results_territory: Generated<string>;
    results_centre: Generated<string>; results_inhabitants: Generated<string>; limits: Generated<string>; next_steps: Generated<string>;
    author_id: number | null; created_at: Generated<Date>; updated_at: Generated<Date>; published_at: Date | null;
  };
  external_datasets: {
    id: Generated<number>; name: string; year: number; source: Generated<string>; licence: Generated<string>;
    mapping: JSONColumnType<Record<string, unknown>, string, string>; file_hash: string;
    created_at: Generated<Date>; updated_at: Generated<Date>;
  };
  external_rows: {
    id: Generated<number>; dataset_id: number; line: number; siret: string | null; name: Generated<string>; commune: Generated<string>;
    structure_id: number | null; match_method: string; match_score: number | null;
    values: JSONColumnType<Record<string, number | string | null>, string, string>;
  };
  structure_corrections: {
    id: Generated<number>; structure_id: number; author_id: number | null; body: string;
    state: Generated<'open' | 'done' | 'declined'>; created_at: Generated<Date>; closed_at: Date | null; closed_by: number | null;
  };
  external_imports: {
    id: Generated<number>; dataset_id: number; file_hash: string; file_name: Generated<string>; rows: number; matched: number;
    imported_by: number | null; imported_at: Generated<Date>;
  };
}

/** Dates come back as Date objects and go in as ISO strings. */
type DateColumn = ColumnType<Date, string, string>;

export interface StructureTable {
  id: Generated<number>;
  kind: 'CS' | 'EVS';
  name: string;
  siret: string | null;
  address: string | null;
  postal_code: string | null;
  commune_code: string;
  departement_code: string;
  region_code: string;
  lat: number | null;
  lon: number | null;
  email: string | null;
  website: string | null;
  management: string;
  federation_member: Generated<boolean>;
  territory_type: string;
  qpv_status: Generated<string>;
  qpv_codes: JSONColumnType<string[], string, string>;
  npnru_interest: string | null;
  npnru_stage: Generated<string>;
  travellers: Generated<boolean>;
  multi_site: Generated<boolean>;
  itinerant: Generated<boolean>;
  first_approval_on: DateColumn | null;
  cell_key: Generated<number>;
  created_at: Generated<Date>;
  /** Migration 015: all approvals ended on this day (not expected in later campaigns), history kept. */
  ended_on: DateColumn | null;
  /** Migration 015: the structure that took this one over (merge or split). */
  successor_id: number | null;
  updated_at: Generated<Date>;
}
