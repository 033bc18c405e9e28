/**
 * The difference between the directory in the database and a new directory file, before anything is
 * applied: new structures, changed identities, ended approvals, merges and splits. Nothing is ever
 * deleted: a structure absent from the file stays as it is, one whose approvals are over is ended (no
 * longer expected in later campaigns), one taken over points to its successor. Matching is by SIRET; a
 * new SIRET that takes over exactly one structure absent from the file becomes that structure (its
 * history follows it).
 */
import type { ApprovalKind, DirectoryApproval, DirectoryEntry, DirectoryProblem } from './parse';

/** A structure as the database holds it, in the file's terms. */
export interface CurrentStructure {
  id: number;
  siret: string | null;
  name: string;
  kind: 'CS' | 'EVS';
  address: string | null;
  postalCode: string | null;
  communeCode: string;
  management: string;
  federationMember: boolean;
  qpvCodes: string[];
  email: string | null;
  endedOn: string | null;
  approvals: DirectoryApproval[];
}

export const comparedFields = ['siret', 'name', 'kind', 'address', 'postalCode', 'communeCode', 'management', 'federationMember', 'qpvCodes', 'email', 'approvals', 'endedOn'] as const;
export type ComparedField = (typeof comparedFields)[number];

export interface FieldChange { field: ComparedField; before: unknown; after: unknown }

export interface StructureCreation { entry: DirectoryEntry; endedOn: string | null; splitFrom: string[] }
export interface StructureUpdate {
  id: number; entry: DirectoryEntry; endedOn: string | null; changes: FieldChange[];
  /** Approvals of the file not yet known (kind and start), and known ones whose end changes. */
  newApprovals: DirectoryApproval[]; changedEnds: DirectoryApproval[];
  /** SIRETs this structure continues (merge), or branches off (split). */
  tookOver: string[]; splitFrom: string[];
}
export interface StructureEnd { id: number; siret: string | null; name: string; endedOn: string; successorSiret: string }

export interface DirectoryDiff {
  created: StructureCreation[];
  updated: StructureUpdate[];
  /** Taken over by another structure of the file (merge, split): closed, pointing to the successor. */
  takenOver: StructureEnd[];
  unchanged: number;
  /** In the database and still running, not in the file, not taken over: left as they are. */
  absent: { id: number; siret: string | null; name: string }[];
  problems: DirectoryProblem[];
}

const approvalKey = (a: { kind: ApprovalKind | string; startsOn: string }) => `${a.kind}/${a.startsOn}`;

/**
 * The day all approvals end, if that day is before `today`: the structure is then no longer expected.
 * @example endedOn([{ kind: 'evs', startsOn: '2020-01-01', endsOn: '2023-12-31' }], '2026-01-15') // '2023-12-31'
 */
export function endedOn(approvals: DirectoryApproval[], today: string): string | null {
  if (approvals.length === 0 || approvals.some((a) => a.endsOn === null)) return null;
  const last = approvals.map((a) => a.endsOn!).sort().at(-1)!;
  return last < today ? last : null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const sortedApprovals = (list: DirectoryApproval[]) => [...list].sort((a, b) => approvalKey(a).localeCompare(approvalKey(b)));

/**
 * Compares a checked file with the current directory on `today` (AAAA-MM-JJ).
 * @example const diff = diffDirectory(entries, current, '2027-01-10'); diff.created.length
 */
export function diffDirectory(entries: DirectoryEntry[], current: CurrentStructure[], today: string): DirectoryDiff {
  const bySiret = new Map(current.filter((s) => s.siret).map((s) => [s.siret!, s]));
  const inFile = new Set(entries.map((e) => e.siret));
  const problems: DirectoryProblem[] = [];
  const identityOf = new Map<string, CurrentStructure>(); // new SIRET → the structure it becomes
  const takenOver = new Map<string, StructureEnd>();
  const tookOver = new Map<string, string[]>();
  const splitFrom = new Map<string, string[]>();

  for (const e of entries) {
    for (const t of e.takesOver) {
      const old = bySiret.get(t);
      if (!old) { problems.push({ row: e.row, column: 'sirets_repris', cell: String(e.row), message: `SIRET repris : ${t} n’est pas dans l’annuaire.` }); continue; }
      if (inFile.has(t)) { splitFrom.set(e.siret, [...(splitFrom.get(e.siret) ?? []), t]); continue; }
      if (!bySiret.has(e.siret) && !identityOf.has(e.siret) && !takenOver.has(t) && ![...identityOf.values()].includes(old)) {
        identityOf.set(e.siret, old);
        tookOver.set(e.siret, [...(tookOver.get(e.siret) ?? []), t]);
        continue;
      }
      if (takenOver.has(t) || [...identityOf.values()].includes(old)) { splitFrom.set(e.siret, [...(splitFrom.get(e.siret) ?? []), t]); continue; }
      takenOver.set(t, { id: old.id, siret: old.siret, name: old.name, endedOn: today, successorSiret: e.siret });
      tookOver.set(e.siret, [...(tookOver.get(e.siret) ?? []), t]);
    }
  }

  const created: StructureCreation[] = [];
  const updated: StructureUpdate[] = [];
  let unchanged = 0;
  const matched = new Set<number>();
  for (const e of entries) {
    const old = bySiret.get(e.siret) ?? identityOf.get(e.siret);
    if (!old) { created.push({ entry: e, endedOn: endedOn(e.approvals, today), splitFrom: splitFrom.get(e.siret) ?? [] }); continue; }
    matched.add(old.id);
    const known = new Map(old.approvals.map((a) => [approvalKey(a), a]));
    const newApprovals = e.approvals.filter((a) => !known.has(approvalKey(a)));
    const changedEnds = e.approvals.filter((a) => known.has(approvalKey(a)) && known.get(approvalKey(a))!.endsOn !== a.endsOn);
    // Approvals are never removed: the history is the known ones with the file's ends, plus the new ones.
    const merged = [...old.approvals.map((a) => changedEnds.find((c) => approvalKey(c) === approvalKey(a)) ?? a), ...newApprovals];
    const ended = endedOn(e.approvals, today);
    const after: Record<ComparedField, unknown> = {
      siret: e.siret, name: e.name, kind: e.kind, address: e.address, postalCode: e.postalCode, communeCode: e.communeCode,
      management: e.management, federationMember: e.federationMember, qpvCodes: e.qpvCodes, email: e.email,
      approvals: sortedApprovals(merged), endedOn: ended,
    };
    const before: Record<ComparedField, unknown> = { ...old, approvals: sortedApprovals(old.approvals) };
    const changes = comparedFields.filter((f) => !same(before[f], after[f])).map((field) => ({ field, before: before[field], after: after[field] }));
    const links = { tookOver: tookOver.get(e.siret) ?? [], splitFrom: splitFrom.get(e.siret) ?? [] };
    if (changes.length === 0 && links.tookOver.length === 0 && links.splitFrom.length === 0) { unchanged++; continue; }
    updated.push({ id: old.id, entry: e, endedOn: ended, changes, newApprovals, changedEnds, ...links });
  }
  const ends = [...takenOver.values()];
  const closing = new Set(ends.map((t) => t.id));
  const absent = current.filter((s) => !matched.has(s.id) && !closing.has(s.id) && !s.endedOn).map((s) => ({ id: s.id, siret: s.siret, name: s.name }));
  return { created, updated, takenOver: ends, unchanged, absent, problems };
}
