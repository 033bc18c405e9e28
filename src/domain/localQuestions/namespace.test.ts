import { describe, expect, it } from 'vitest';
import { inNamespace, isLocalCode, localCode, localNamespace } from './namespace';
import { prepareLocalElement } from './element';

const rhone = { level: 'departement', code: '69' } as const;

describe('local question codes', () => {
  it('namespaces départements and regions apart, even when their codes are equal', () => {
    expect(localCode(rhone, 'jardins')).toBe('local.69.jardins');
    expect(localCode({ level: 'departement', code: '84' }, 'jardins')).toBe('local.84.jardins');
    expect(localCode({ level: 'region', code: '84' }, 'jardins')).toBe('local.r84.jardins');
    expect(localNamespace({ level: 'departement', code: '2A' })).toBe('local.2a');
    expect(isLocalCode('local.69.jardins') && !isLocalCode('rh.etp.animation')).toBe(true);
    expect(inNamespace('local.69.jardins', rhone)).toBe(true);
    expect(inNamespace('local.690.jardins', rhone)).toBe(false);
  });

  it.each(['', 'Jardins', 'jardins partagés', 'local.13.x', '../x', 'a..b', '1abc', 'a.b.c.d.e', 'x'.repeat(41)])('refuses the name %j', (name) => {
    expect(() => localCode(rhone, name)).toThrow(/Nom de question locale invalide/);
  });

  it('refuses a territory code that is not one', () => {
    expect(() => localNamespace({ level: 'departement', code: '6;9' })).toThrow(/Code de territoire invalide/);
  });
});

describe('local question elements', () => {
  const base = { type: 'boolean', title: 'Jardin ?', unit: 'yesno', aggregate: 'share', disclosure: 'count', section: 'actions' };

  it('forces the code and namespaces rule ids', () => {
    const element = prepareLocalElement({ ...base, name: 'finances.produits', indicator: 'x', validators: [
      { type: 'expression', ruleId: 'projet.anciennete', expression: '{local.69.jardins} = true', text: 'Oui ?', notificationType: 'info' },
      { type: 'expression', expression: 'true', text: 'Toujours', notificationType: 'info' },
    ] }, 'local.69.jardins', rhone);
    expect(element).toMatchObject({ name: 'local.69.jardins', indicator: 'local.69.jardins' });
    expect((element.validators as { ruleId: string }[]).map((v) => v.ruleId)).toEqual(['local.69.jardins.anciennete', 'local.69.jardins.regle_2']);
  });

  it('refuses panels, unsupported types and other territories’ codes', () => {
    expect(() => prepareLocalElement({ ...base, type: 'panel' }, 'local.69.a', rhone)).toThrow(/type « panel »/);
    expect(() => prepareLocalElement({ ...base, type: 'checkbox' }, 'local.69.a', rhone)).toThrow(/non pris en charge/);
    expect(() => prepareLocalElement({ ...base, elements: [] }, 'local.69.a', rhone)).toThrow(/panneau/);
    expect(() => prepareLocalElement({ ...base, visibleIf: "prev('local.r84.x') > 1" }, 'local.69.a', rhone)).toThrow(/autre territoire/);
    expect(() => prepareLocalElement({ ...base, validators: {} }, 'local.69.a', rhone)).toThrow(/liste/);
  });
});
