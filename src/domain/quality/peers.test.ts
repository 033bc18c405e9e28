import { describe, expect, it } from 'vitest';
import { Random } from '../demo/random';
import { buildPeerStats, checkPeers, ratioMetrics, rawMetrics } from './peers';
import type { AnswerMap } from './types';

/** A group of similar structures: sizes spread on the log scale, answers proportional to size. */
function group(n: number, seed = 1): AnswerMap[] {
  const r = new Random(seed);
  return Array.from({ length: n }, () => {
    const size = r.logNormal(1, 0.4);
    const etp = Math.round(13 * size * r.logNormal(1, 0.05) * 10) / 10;
    const produits = Math.round(700_000 * size * r.logNormal(1, 0.05));
    return {
      'finances.produits': produits, 'finances.charges': produits, 'rh.masse_salariale': Math.round(produits * 0.68),
      'rh.etp.direction_accueil': Math.round(etp * 3) / 10, 'rh.etp.animation': Math.round(etp * 5) / 10, 'rh.etp.technique': Math.round(etp * 2) / 10,
      'rh.effectif.direction_accueil': Math.round(etp * 0.6), 'rh.effectif.animation': Math.round(etp * 1), 'rh.effectif.technique': Math.round(etp * 0.4),
      'participation.adherents': Math.round(300 * size * r.logNormal(1, 0.1)), 'participation.benevoles': Math.round(50 * size * r.logNormal(1, 0.1)),
      'participation.associations_hebergees': Math.round(20 * size * r.logNormal(1, 0.1)),
    };
  });
}
const G = ['CS|urban|10k-50k', 'CS|urban', 'CS'];

describe('peer outliers', () => {
  const members = group(200).map((answers) => ({ groups: G, answers }));
  const stats = buildPeerStats(members);

  it('passes ordinary members of the group', () => {
    const flagged = members.filter((m) => checkPeers(m.answers, G, stats).length > 0).length;
    expect(flagged).toBeLessThanOrEqual(2);
  });

  it('flags an amount typed in k€ on the raw value and on the ratios', () => {
    const a = { ...members[0].answers, 'rh.masse_salariale': Math.round((members[0].answers['rh.masse_salariale'] as number) / 1000) };
    const rules = checkPeers(a, G, stats).map((f) => f.rule);
    expect(rules).toContain('peer:raw:rh.masse_salariale');
    expect(rules).toContain('peer:ratio:masse_salariale_par_etp');
    expect(rules).toContain('peer:ratio:part_masse_salariale');
  });

  it('flags an amount far from what the structure’s size implies, though its raw value is ordinary', () => {
    const a = { ...members[0].answers };
    a['participation.associations_hebergees'] = (a['participation.associations_hebergees'] as number) * 3;
    const f = checkPeers(a, G, stats).find((x) => x.rule === 'peer:size_relative');
    expect(f?.codes).toEqual(['participation.associations_hebergees']);
    expect(f?.reason).toContain('fois plus que ce qu’on attendrait');
  });

  it('falls back to a coarser group when the finest is too small', () => {
    const small = [...members.slice(0, 150), ...group(10, 2).map((answers) => ({ groups: ['CS|rural|<2k', 'CS|rural', 'CS'], answers }))];
    const s = buildPeerStats(small, { minGroupSize: 30 });
    const a = { ...small[155].answers, 'rh.masse_salariale': 10 };
    const f = checkPeers(a, ['CS|rural|<2k', 'CS|rural', 'CS'], s).find((x) => x.rule === 'peer:raw:rh.masse_salariale');
    expect(f?.details.group).toBe('CS');
  });

  it('uses the mean absolute deviation when the group’s MAD is 0', () => {
    const same = Array.from({ length: 40 }, (_, i) => ({ groups: ['g'], answers: { 'participation.adherents': i < 30 ? 100 : 100 + (i - 29) * 2 } }));
    const s = buildPeerStats(same, { metrics: rawMetrics.filter((m) => m.id === 'raw:participation.adherents'), sizeRelative: [] });
    expect(s.metric.get('raw:participation.adherents')!.get('g')!.mad).toBe(0);
    const f = checkPeers({ 'participation.adherents': 400 }, ['g'], s);
    expect(f).toHaveLength(1);
    expect(f[0].details.modifiedZ).toBeGreaterThan(3.5);
    expect(checkPeers({ 'participation.adherents': 104 }, ['g'], s)).toEqual([]);
  });

  it('has ratio metrics for euros per FTE, volunteers per FTE, CAF share and payroll share', () => {
    expect(ratioMetrics.map((m) => m.id)).toEqual(expect.arrayContaining(['ratio:produits_par_etp', 'ratio:benevoles_par_etp', 'ratio:part_caf', 'ratio:part_masse_salariale']));
  });
});
