import fc from 'fast-check';
import { Random } from '../../demo/random';
import type { AggregationRecord, ApprovalKind, StructureAttributes } from '../../aggregation/record';
import type { IndicatorSpec } from '../../aggregation/contributions';

/**
 * Synthetic populations for the attacker tests: 2–3 régions of 1–3 départements, each with a few EPCI and
 * communes of very different sizes, so that small groups, lone EVS, dominant centres and filters with tiny
 * complements all occur. Values follow the demo campaign's shapes (log-normal sizes, CS ≫ EVS, ~5 %
 * missing answers, a few very large centres).
 */

export const MONEY: IndicatorSpec = { code: 'finances.produits', unit: 'euros', aggregate: 'sum', disclosure: 'money' };
export const COUNT: IndicatorSpec = { code: 'participation.benevoles', unit: 'count', aggregate: 'sum', disclosure: 'count' };
export const YESNO: IndicatorSpec = { code: 'actions.acces_droits.oui', unit: 'yesno', aggregate: 'share', disclosure: 'count' };
export const SHARE: IndicatorSpec = { code: 'rh.temps_partiel_part', unit: 'share', aggregate: 'median', disclosure: 'count' };

/**
 * A deterministic population of `size` records from a seed.
 * @example makePopulation(7, 120).length // 120
 */
export function makePopulation(seed: number, size: number): AggregationRecord[] {
  const r = new Random(seed);
  const communes: { code: string; epci: string | null; dept: string; region: string; pop: number }[] = [];
  const regions = r.int(2, 3);
  for (let ri = 0; ri < regions; ri++) {
    const region = String(11 + ri * 13);
    for (let di = 0, nd = r.int(1, 3); di < nd; di++) {
      const dept = String(10 + ri * 10 + di).padStart(2, '0');
      for (let ei = 0, ne = r.int(1, 3); ei < ne; ei++) {
        const epci = r.chance(0.9) ? `2${dept}00${ei}` : null;
        for (let ci = 0, nc = r.int(1, 4); ci < nc; ci++) {
          communes.push({ code: `${dept}${String(ei * 10 + ci).padStart(3, '0')}`, epci, dept, region, pop: Math.round(Math.exp(r.normal(0, 1) * 1.6 + 9)) });
        }
      }
    }
  }
  const weight = communes.map((c) => Math.sqrt(c.pop));
  const totalW = weight.reduce((a, b) => a + b, 0);
  const pickCommune = () => {
    let x = r.next() * totalW;
    for (let i = 0; i < communes.length; i++) if ((x -= weight[i]) < 0) return communes[i];
    return communes[communes.length - 1];
  };
  return Array.from({ length: size }, (_, i) => {
    const c = pickCommune();
    const kind = r.chance(c.pop > 5_000 ? 0.7 : 0.35) ? 'CS' as const : 'EVS' as const;
    const urban = r.chance(c.pop >= 10_000 ? 0.95 : c.pop >= 2_000 ? 0.45 : 0.08);
    const qpv = urban && c.pop >= 8_000 ? r.weighted([['inside', 32], ['nearby', 22], ['serving', 10], ['none', 36]] as const) : 'none';
    const npnru = qpv !== 'none' && r.chance(0.35) ? r.weighted([['contrat_de_ville', 1], ['protocole', 1], ['convention', 3], ['travaux', 3], ['acheve', 1]] as const) : 'none';
    const approvals: ApprovalKind[] = kind === 'CS' ? ['animation_globale', ...(r.chance(0.85) ? ['animation_collective_familles' as const] : [])] : ['evs'];
    // One centre in 25 is a large multi-site one: it creates the dominance cases.
    const size = r.logNormal(1, 0.5) * (r.chance(0.04) ? 8 : 1);
    const income = Math.round((kind === 'CS' ? 760_000 : 90_000) * size);
    const missing = () => r.chance(0.05);
    const attributes: StructureAttributes = {
      regionCode: c.region, departementCode: c.dept, epciCode: c.epci, communeCode: c.code, communePopulation: c.pop,
      territoryType: urban ? 'urban' : 'rural', qpvStatus: qpv, npnruStage: npnru,
      management: kind === 'CS' ? r.weighted([['association', 64], ['collectivite', 21], ['caf', 5], ['autre', 10]] as const) : r.weighted([['association', 88], ['collectivite', 9], ['autre', 3]] as const),
      approvalKinds: approvals, kind, federationMember: r.chance(kind === 'CS' ? 0.62 : 0.2),
      budget: income,
    };
    return {
      structureId: i + 1,
      cellKey: r.int(0, 2 ** 31 - 1),
      attributes,
      values: {
        [MONEY.code]: missing() ? null : income,
        [COUNT.code]: missing() ? null : Math.max(3, Math.round((kind === 'CS' ? 55 : 18) * size * r.logNormal(1, 0.25))),
        [YESNO.code]: missing() ? null : r.chance(kind === 'CS' ? 0.9 : 0.5),
        [SHARE.code]: missing() ? null : Math.round(r.next() * 60),
      },
    };
  });
}

/** fast-check arbitrary of populations of 20–200 records. */
export const populationArb = fc.record({ seed: fc.integer({ min: 1, max: 2 ** 30 }), size: fc.integer({ min: 20, max: 200 }) })
  .map(({ seed, size }) => makePopulation(seed, size));
