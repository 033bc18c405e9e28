/**
 * External data figures (issue 7) on the national demo (scale 1, ≈ 4,070 structures) in a PGlite data
 * folder seeded on first use and reused (BENCH_EXTERNAL_DIR, default $TMPDIR/senacs-bench-external-s1).
 *
 * - external_import_rows_per_s: full import (read, encoding, mapping, SIRET/fuzzy matching, one
 *   transaction, then the re-check of the responses whose ext() values changed, when their questionnaire
 *   reads the data set) of the national ELISFA-shaped example of 2024 as the `elisfa` data set, rows per
 *   second, median of 3 imports (the data set is deleted before each, so the « same file » short-cut never
 *   applies and every matched structure is re-checked: the worst case).
 * - external_analyse_rows_per_s_50k: the same pipeline up to the bad-file report on a synthetic 50,000-row
 *   file (the example plus ≈ 46,000 rows naming structures absent from the directory: each is matched by
 *   name against the whole directory, then reported; nothing is stored). The worst case for matching.
 * - external_store_rows_per_s_50k: storing 50,000 rows in one transaction (the write step alone).
 * - concordance_report_s: the concordance report of the national example for a national reader, median of
 *   3 (the campaign populations are cached after the first run, as on a server).
 */
import { storeDataset } from '../src/db/external.repo';
import { externalExample } from '../src/app/external/externalExample';
import { externalReport } from '../src/app/external/externalReport';
import { importExternal } from '../src/app/external/importExternal';
import { withLuhnDigit } from '../src/domain/siret';
import { median, nationalDemo, round, type Figures } from './lib';

const YEAR = 2024;


export async function run(): Promise<Figures> {
  const database = await nationalDemo('external');
  const db = database.db;
  try {
    await db.deleteFrom('external_datasets').where('name', 'like', 'bench%').execute();
    const example = await externalExample({ db, year: YEAR });
    const text = new TextDecoder().decode(example);
    const rows = text.trimEnd().split('\r\n').length - 1;
    console.log(`# external: national example ${rows} rows, ${round(example.length / 1024)} KiB`);

    const rates: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await db.deleteFrom('external_datasets').where('name', '=', 'elisfa').where('year', '=', YEAR).execute();
      const r = await importExternal({ db, actor: null, dataset: 'elisfa', year: YEAR, bytes: example, acceptProposals: true });
      const s = (performance.now() - t) / 1000;
      if (!r.stored) throw new Error(`example not stored: ${JSON.stringify(r.problems.slice(0, 3))}`);
      rates.push(r.counts.rows / s);
      console.log(`# external: import ${i + 1}: ${round(s, 2)} s (${r.counts.siret} by SIRET, ${r.counts.name} by name, ${r.counts.proposals} proposals, ${r.rechecked} responses re-checked)`);
    }

    // A corrected file: ten structures' FTE changed; only their responses are re-checked.
    const lines = text.trimEnd().split('\r\n');
    const corrected = lines.map((l, i) => (i > 0 && i % 350 === 0 ? l.replace(/^([^;]*;[^;]*;[^;]*;[^;]*;[^;]*;)([^;]*)/, (_, head: string, etp: string) => `${head}${etp === '' ? '1' : `${etp}5`}`) : l));
    const t0 = performance.now();
    const again = await importExternal({ db, actor: null, dataset: 'elisfa', year: YEAR, bytes: new TextEncoder().encode(`${corrected.join('\r\n')}\r\n`), acceptProposals: true });
    const reimportS = (performance.now() - t0) / 1000;
    console.log(`# external: corrected file re-imported in ${round(reimportS, 2)} s, ${again.rechecked} responses re-checked`);

    const extra: string[] = [];
    for (let i = 0; extra.length + rows < 50_000; i++) {
      extra.push(`${withLuhnDigit(String(9_000_000_000_000 + i * 7).slice(0, 13))};Association Les Amis du Quartier ${i};Commune Imaginaire ${i % 500};${YEAR};${(i % 30) + 1};${((i % 30) * 0.8).toFixed(1).replace('.', ',')};1;0;0;IDCC 1261 - ALISFA`);
    }
    const big = new TextEncoder().encode(`${text.trimEnd()}\r\n${extra.join('\r\n')}\r\n`);
    let t = performance.now();
    const analysed = await importExternal({ db, actor: null, dataset: 'bench_big', year: YEAR, bytes: big });
    const analyseS = (performance.now() - t) / 1000;
    console.log(`# external: 50k-row file analysed in ${round(analyseS, 2)} s, ${analysed.problems.length} problems, stored: ${analysed.stored}`);

    const stored = Array.from({ length: 50_000 }, (_, i) => ({
      line: i + 2, siret: null, name: `Structure ${i}`, commune: 'Ailleurs', structureId: null, method: 'none' as const, score: null,
      values: { effectif_total: i % 40, etp_total: (i % 40) * 0.7, convention: 'IDCC 1261 - ALISFA' },
    }));
    t = performance.now();
    await storeDataset(db, { name: 'bench_store', year: YEAR, source: '', licence: '', mapping: { columns: [] }, fileHash: 'bench', fileName: '', actorId: null, rows: stored });
    const storeS = (performance.now() - t) / 1000;

    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      t = performance.now();
      await externalReport({ db, actor: null, dataset: 'elisfa', year: YEAR });
      times.push((performance.now() - t) / 1000);
    }
    console.log(`# external: concordance report runs ${times.map((x) => round(x, 2)).join(', ')} s`);
    await db.deleteFrom('external_datasets').where((eb) => eb.or([eb('name', 'like', 'bench%'), eb('name', '=', 'elisfa')])).execute();
    return {
      external_import_rows_per_s: { value: round(median(rates), 0), unit: 'rows/s' },
      external_reimport_corrected_s: { value: round(reimportS, 2), unit: 's' },
      external_analyse_rows_per_s_50k: { value: round(50_000 / analyseS, 0), unit: 'rows/s' },
      external_store_rows_per_s_50k: { value: round(50_000 / storeS, 0), unit: 'rows/s' },
      concordance_report_s: { value: round(median(times), 2), unit: 's' },
    };
  } finally {
    await database.close();
  }
}
