/** Shapes of the API answers the web app reads (see src/http/routes). Dates arrive as ISO strings. */

// Roles and memberships are the domain's own types (pure, no I/O), shared with the server.
export type { Membership, Role } from '../../domain/roles';
import type { Membership, Role } from '../../domain/roles';

export interface Me {
  user: { id: number; email: string; name: string } | null;
  memberships: Membership[];
  csrfToken?: string;
}

export interface Page<T> { items: T[]; total: number }

export interface Region { code: string; name: string }
export interface Departement { code: string; name: string; region_code: string }

export interface StructureSummary {
  id: number;
  kind: 'CS' | 'EVS';
  name: string;
  postal_code: string | null;
  commune_code: string;
  commune_name: string;
  departement_code: string;
  region_code: string;
  management: string;
  qpv_status: string;
  territory_type: string;
}

export interface Approval { kind: string; starts_on: string; ends_on: string | null }

export interface Structure extends StructureSummary {
  siret: string | null;
  address: string | null;
  email: string | null;
  website: string | null;
  federation_member: boolean;
  npnru_stage: string;
  npnru_interest: string | null;
  travellers: boolean;
  multi_site: boolean;
  itinerant: boolean;
  first_approval_on: string | null;
  commune_population: number | null;
  departement_name: string;
  approvals: Approval[];
}

export interface Member { id: number; name: string; email: string; role: Role }

export interface StructureResponse {
  id: number;
  year: number;
  state: string;
  submitted_at: string | null;
  validated_at: string | null;
  updated_at: string;
  answer_count: number;
}

export interface Campaign { id: number; year: number; state: string; opens_on: string; closes_on: string; deadlines?: unknown }

export interface Progress {
  campaign: { year: number; state: string };
  territory: { level: 'nation' } | { level: 'region' | 'departement'; code: string };
  expected: number;
  byState: Record<string, number>;
}

export interface TerritoryResponse {
  structure_id: number;
  name: string;
  kind: 'CS' | 'EVS';
  departement_code: string;
  response_id: number | null;
  updated_at: string | null;
  state: string;
  quality_score: number | null;
  open_queries: number;
}
