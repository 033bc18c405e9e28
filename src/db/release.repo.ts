import { sql } from 'kysely';
import type { Db } from './connection';
import { insertInChunks } from './bulk';
import { shortLived } from './shortLived';
import type { AggregationRecord, PublishedFigure } from '../domain/disclosure';

/** What is said of a release without its figures. */
export interface ReleaseInfo {
  id: number; year: number; number: number; publishedAt: Date; note: string;
  publishedBy: string | null; summary: Record<string, unknown>;
}

const infoColumns = ['releases.id', 'releases.year', 'releases.number', 'releases.published_at', 'releases.note', 'releases.summary', 'users.name as published_by_name'] as const;

function toInfo(r: { id: number; year: number; number: number; published_at: Date; note: string; summary: Record<string, unknown>; published_by_name: string | null }): ReleaseInfo {
  return { id: r.id, year: r.year, number: r.number, publishedAt: new Date(r.published_at), note: r.note, publishedBy: r.published_by_name, summary: r.summary };
}

/**
 * Stores a release with its frozen population and its audited table, numbered after the year's last one,
 * in one transaction (two publications at once cannot take the same number: the unique key refuses one).
 * @example await insertRelease(db, { year: 2024, note: 'Première publication', publishedBy: 1, summary, figures, records })
 */
export async function insertRelease(db: Db, p: {
  year: number; note: string; publishedBy: number | null; summary: Record<string, unknown>;
  figures: readonly PublishedFigure[]; records: readonly AggregationRecord[];
}): Promise<ReleaseInfo> {
  const stored = await db.transaction().execute(async (tx) => {
    const last = await tx.selectFrom('releases').select((eb) => eb.fn.max('number').as('n')).where('year', '=', p.year).executeTakeFirst();
    const number = Number(last?.n ?? 0) + 1;
    const { id } = await tx.insertInto('releases').values({
      year: p.year, number, note: p.note, published_by: p.publishedBy,
      summary: JSON.stringify(p.summary), figures: JSON.stringify(p.figures),
    }).returning('id').executeTakeFirstOrThrow();
    await insertInChunks(tx, 'release_records', p.records.map((r) => ({ release_id: id, structure_id: r.structureId, record: JSON.stringify(r) })), 500);
    const info = await tx.selectFrom('releases').leftJoin('users', 'users.id', 'releases.published_by').select(infoColumns).where('releases.id', '=', id).executeTakeFirstOrThrow();
    return toInfo(info);
  });
  latestIds.forget();
  return stored;
}

/**
 * Releases, newest first; of one year when given.
 * @example await listReleases(db, 2024) // [{ number: 2, … }, { number: 1, … }]
 */
export async function listReleases(db: Db, year?: number): Promise<ReleaseInfo[]> {
  let q = db.selectFrom('releases').leftJoin('users', 'users.id', 'releases.published_by').select(infoColumns);
  if (year !== undefined) q = q.where('releases.year', '=', year);
  return (await q.orderBy('releases.year', 'desc').orderBy('releases.number', 'desc').execute()).map(toInfo);
}

/**
 * The latest release of a year (or the given number), or undefined when none was published.
 * @example await findRelease(db, 2024) // the current release of 2024
 */
export async function findRelease(db: Db, year: number, number?: number): Promise<ReleaseInfo | undefined> {
  let q = db.selectFrom('releases').leftJoin('users', 'users.id', 'releases.published_by').select(infoColumns).where('releases.year', '=', year);
  if (number !== undefined) q = q.where('releases.number', '=', number);
  const r = await q.orderBy('releases.number', 'desc').limit(1).executeTakeFirst();
  return r ? toInfo(r) : undefined;
}

/**
 * Every public figure checks its year's current release: the answer is kept a second (shortLived), so
 * 300 requests a second ask the database a few times. A release stored here is seen at once in this
 * process (insertRelease forgets), within a second in the others.
 */
const latestIds = shortLived<number | null>(1000);

/** After releases were written elsewhere than insertRelease (a backup restored). */
export const forgetLatestReleases = (): void => latestIds.forget();

/** A cheap token that changes when a year gets a new release (cache check). */
export function latestReleaseId(db: Db, year: number): Promise<number | null> {
  return latestIds.read(db, String(year), async () => {
    const r = await db.selectFrom('releases').select((eb) => eb.fn.max('id').as('id')).where('year', '=', year).executeTakeFirst();
    return r?.id == null ? null : Number(r.id);
  });
}

/** The audited table of a release. */
export async function releaseFigures(db: Db, releaseId: number): Promise<PublishedFigure[]> {
  const r = await db.selectFrom('releases').select('figures').where('id', '=', releaseId).executeTakeFirstOrThrow();
  return r.figures as PublishedFigure[];
}

/** The frozen population of a release, in structure order. */
export async function releaseRecords(db: Db, releaseId: number): Promise<AggregationRecord[]> {
  const { rows } = await sql<{ record: AggregationRecord }>`select record from release_records where release_id = ${releaseId} order by structure_id`.execute(db);
  return rows.map((r) => r.record);
}
