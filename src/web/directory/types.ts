/** The directory import report, as POST /api/directory/import answers it (read from the route's response schema). */
import type { ApiResponse } from '../../http/apiTypes';

export type DirectoryReport = ApiResponse<'post', '/directory/import'>;
export type DirectoryProblem = DirectoryReport['problems'][number];
export type FieldChange = DirectoryReport['updated'][number]['changes'][number];

/** French names of the fields a directory update changes. */
export const fieldLabels: Record<string, string> = {
  siret: 'SIRET', name: 'nom', kind: 'type', address: 'adresse', postalCode: 'code postal', communeCode: 'commune',
  management: 'mode de gestion', federationMember: 'adhésion à la fédération', qpvCodes: 'codes QPV', email: 'courriel de la direction',
  approvals: 'agréments', endedOn: 'fin d’activité',
};

const approvalKinds: Record<string, string> = { animation_globale: 'animation globale', animation_collective_familles: 'familles', evs: 'EVS' };

/** A changed value in a few words. */
export function shown(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'oui' : 'non';
  if (Array.isArray(v)) {
    return v.length === 0 ? '—' : v.map((x) => {
      if (typeof x !== 'object' || !x) return String(x);
      const a = x as { kind: string; startsOn: string; endsOn: string | null };
      return `${approvalKinds[a.kind] ?? a.kind} du ${a.startsOn} au ${a.endsOn ?? '…'}`;
    }).join(' ; ');
  }
  return String(v);
}
