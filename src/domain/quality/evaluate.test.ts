import { describe, expect, it } from 'vitest';
import { readDefinitionSync } from '../../app/questionnaires/readDefinition';
import { loadVersion } from '../questionnaire/catalog';
import { runCampaign } from './engine';
import { evaluate } from './evaluate';
import { labelledCampaign } from './labelled';

const questionnaire = loadVersion(readDefinitionSync(2025)).catalog;

/** Campaigns the engine never saw: their own communes, structures and seed; one error in 6 % or 15 % of structures. */
const cases = [{ seed: 101, rate: 0.06 }, { seed: 202, rate: 0.15 }, { seed: 303, rate: 0.06 }, { seed: 404, rate: 0.15 }, { seed: 505, rate: 0.1 }];

/** Found / labelled structures of every case, for the goal on all labels together (one seed's 118 labels move by 0.85 point per structure). */
const pooled = { found: 0, labels: 0 };

describe('quality engine on labelled campaigns (own generator, seeded)', () => {
  for (const c of cases) {
    it(`seed ${c.seed}, errors in ${c.rate * 100} % of structures: finds them, names the wrong answer, proposes the true value`, () => {
      const campaign = labelledCampaign(c);
      const { reports } = runCampaign(campaign.responses, { questionnaire });
      const e = evaluate(campaign.responses, reports, campaign.labels);
      const r3 = (x: number) => x.toFixed(3);
      console.log(`quality seed ${c.seed} (${e.structures} structures, ${e.labels} errors, ${campaign.distractors.length} legitimate large changes): `
        + `structure recall ${r3(e.structureRecall)} precision ${r3(e.structurePrecision)}; answer (first named) precision ${r3(e.answerPrecision)} recall ${r3(e.answerRecall)}; `
        + `clean flagged ${e.cleanFlaggedPct.toFixed(2)} % (${e.flaggedClean}); correction = true value ${r3(e.correctionRate)}`);
      console.log('  recall by kind', JSON.stringify(e.recallByKind), '\n  answer recall by kind', JSON.stringify(e.answerRecallByKind));
      if (process.env.QUALITY_DEBUG) debug(campaign, reports);
      expect(e.labels).toBeGreaterThan(c.rate * e.structures * 0.7);
      pooled.found += Math.round(e.structureRecall * e.labels);
      pooled.labels += e.labels;
      // Each seed on its own: at most a few structures below the goal, which is checked on all labels below.
      expect(e.structureRecall).toBeGreaterThanOrEqual(0.93);
      expect(e.structurePrecision).toBeGreaterThanOrEqual(0.9);
      expect(e.answerPrecision).toBeGreaterThanOrEqual(0.8);
      expect(e.answerRecall).toBeGreaterThanOrEqual(0.8);
      expect(e.cleanFlaggedPct).toBeLessThanOrEqual(1);
      expect(e.correctionRate).toBeGreaterThanOrEqual(0.7);
    }, 120_000);
  }

  it('finds at least 95 % of the structures with an error, over every labelled campaign', () => {
    expect(pooled.labels).toBeGreaterThan(300);
    console.log(`quality pooled structure recall ${(pooled.found / pooled.labels).toFixed(3)} (${pooled.found} / ${pooled.labels})`);
    expect(pooled.found / pooled.labels).toBeGreaterThanOrEqual(0.95);
  });
});

function debug(campaign: ReturnType<typeof labelledCampaign>, reports: ReturnType<typeof runCampaign>['reports']) {
  const labelled = new Map(campaign.labels.map((l) => [l.structureKey, l]));
  const distractor = new Map(campaign.distractors.map((d) => [d.structureKey, d.kind]));
  campaign.responses.forEach((r, i) => {
    const fs = reports[i].findings.filter((f) => f.level !== 'info' && f.kind !== 'completeness');
    const l = labelled.get(r.structureKey);
    const wrong = l ? fs.filter((f) => !l.codes.includes(f.codes[0])) : fs;
    const missed = l && !fs.some((f) => l.codes.includes(f.codes[0]));
    if (!wrong.length && !missed) return;
    const head = l ? `LABEL ${l.kind} ${l.codes.slice(0, 2).join(',')} ${l.note} truth=${JSON.stringify(l.truth).slice(0, 80)}` : `CLEAN ${distractor.get(r.structureKey) ?? ''}`;
    console.log(head, missed ? 'MISSED' : '');
    for (const f of wrong) console.log('   ', f.rule, f.codes[0], f.suspect?.correction?.value ?? '', f.reason.slice(0, 220));
  });
}
