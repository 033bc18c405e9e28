import { describe, expect, it } from 'vitest';
import { cashIndicators, cashValues, largestFunder, withCashValues } from './indicators';

/** A healthy centre: 120 days of cash, small bank charges, prompt funders, no dominant funder. */
const healthy = {
  'finances.produits': 730_000, 'finances.charges': 730_000, 'finances.tresorerie': 240_000,
  'finances.frais_bancaires': 700, 'finances.delai_paiement_jours': 45, 'finances.reserves': 100_000,
  'finances.financement.communes': 180_000, 'finances.financement.caf_ps': 150_000, 'finances.financement.caf_local': 50_000,
  'finances.financement.departement': 80_000, 'finances.financement.etat': 120_000, 'finances.financement.usagers': 150_000,
};

describe('cash indicators', () => {
  it('computes days of cash, bank charges share, largest funder and says the working capital is not computable', () => {
    const c = cashIndicators(healthy);
    expect(c.cashDays).toBe(120);
    expect(c.reservesDays).toBe(50);
    expect(c.bankChargesShare).toBe(0.1);
    expect(c.largestFunder).toMatchObject({ key: 'caf', amount: 200_000 });
    expect(c.largestFunder!.share).toBeCloseTo(0.274, 3);
    expect(c.workingCapital.computable).toBe(false);
    expect(c.workingCapital.missing.join(' ')).toMatch(/Immobilisations/);
    expect(c.signal).toEqual({ state: 'ok', reasons: [], missing: [] });
  });

  it('the CAF counts as one funder, users’ fees and other income as none', () => {
    expect(largestFunder({ 'finances.produits': 100, 'finances.financement.caf_ps': 30, 'finances.financement.caf_local': 25, 'finances.financement.usagers': 45 }))
      .toMatchObject({ key: 'caf', amount: 55, share: 0.55 });
    expect(largestFunder({ 'finances.produits': 100, 'finances.financement.usagers': 100 })).toBeNull();
    expect(largestFunder({})).toBeNull();
  });

  it('less than a month of cash is an alert, so a difficulty', () => {
    const c = cashIndicators({ ...healthy, 'finances.tresorerie': 40_000, 'finances.delai_paiement_jours': 15 });
    expect(c.cashDays).toBe(20);
    expect(c.signal.state).toBe('difficulty');
    expect(c.signal.reasons.map((r) => r.code)).toEqual(['cash_short']);
    expect(c.signal.reasons[0].text).toMatch(/20 jours de charges : moins d’un mois \(seuil 30 jours\)/);
  });

  it('negative cash is an alert', () => {
    const c = cashIndicators({ ...healthy, 'finances.tresorerie': -5_000 });
    expect(c.signal.state).toBe('difficulty');
    expect(c.signal.reasons[0]).toMatchObject({ level: 'alert', code: 'cash_negative' });
  });

  it('one or two watch reasons give a watch, three a difficulty', () => {
    const one = cashIndicators({ ...healthy, 'finances.tresorerie': 120_000 });
    expect(one.cashDays).toBe(60);
    expect(one.signal.state).toBe('watch');
    expect(one.signal.reasons.map((r) => r.code)).toEqual(['cash_low']);
    const two = cashIndicators({ ...healthy, 'finances.tresorerie': 120_000, 'finances.frais_bancaires': 5_000 });
    expect(two.signal.reasons.map((r) => r.code)).toEqual(['cash_low', 'bank_charges']);
    expect(two.signal.state).toBe('watch');
    const three = cashIndicators({ ...healthy, 'finances.tresorerie': 120_000, 'finances.frais_bancaires': 5_000, 'finances.delai_paiement_jours': 75 });
    expect(three.signal.reasons.map((r) => r.code)).toEqual(['cash_low', 'delay_exceeds_cash', 'bank_charges']);
    expect(three.signal.state).toBe('difficulty');
  });

  it('a deficit above 5 % of income is an alert; below it, nothing', () => {
    expect(cashIndicators({ ...healthy, 'finances.charges': 780_000, 'finances.tresorerie': 300_000 }).signal.reasons.map((r) => r.code)).toEqual(['deficit']);
    expect(cashIndicators({ ...healthy, 'finances.charges': 750_000, 'finances.tresorerie': 300_000 }).signal.state).toBe('ok');
  });

  it('funders paying later than the cash lasts is a watch, so is a long delay alone', () => {
    const late = cashIndicators({ ...healthy, 'finances.delai_paiement_jours': 130 });
    expect(late.signal.reasons).toEqual([{ level: 'watch', code: 'delay_exceeds_cash', text: 'Les financeurs paient en 130 jours en moyenne, plus longtemps que la trésorerie ne couvre les charges (120 jours).' }]);
    expect(late.signal.state).toBe('watch');
    const slow = cashIndicators({ ...healthy, 'finances.delai_paiement_jours': 75 });
    expect(slow.signal.reasons.map((r) => r.code)).toEqual(['delay_long']);
    expect(slow.signal.state).toBe('watch');
  });

  it('one funder above half of income is a watch', () => {
    const c = cashIndicators({ ...healthy, 'finances.financement.communes': 400_000 });
    expect(c.signal.reasons.map((r) => r.code)).toEqual(['funder_dependency']);
    expect(c.signal.reasons[0].text).toMatch(/55 % des produits viennent d’un seul financeur \(Communes et intercommunalités\)/);
  });

  it('without cash or expenses the signal is unknown and says what is missing', () => {
    const c = cashIndicators({ 'finances.produits': 100_000 });
    expect(c.cashDays).toBeNull();
    expect(c.signal.state).toBe('unknown');
    expect(c.signal.missing).toContain('la trésorerie au 31 décembre');
    expect(c.signal.missing).toContain('le total des charges');
  });

  it('derived values for the gate: null where unknown, added to every record', () => {
    expect(cashValues(healthy)).toEqual({ 'cash.jours_tresorerie': 120, 'cash.part_frais_bancaires': 0.1, 'cash.part_premier_financeur': 27.4, 'cash.en_difficulte': false, 'cash.tresorerie_moins_30j': false });
    expect(cashValues({})['cash.en_difficulte']).toBeNull();
    const records = [{ structureId: 1, cellKey: 5, attributes: {} as never, values: { 'finances.tresorerie': 10, 'finances.charges': 365 } }];
    expect(withCashValues(records)[0].values).toMatchObject({ 'finances.tresorerie': 10, 'cash.jours_tresorerie': 10, 'cash.en_difficulte': true });
  });
});
