import { describe, expect, it } from 'vitest';
import { canGrant, canManagePerson, membershipsOf } from './people';
import type { Actor } from './roles';

const regionOf = (d: string) => ({ '69': '84', '01': '84', '13': '93' } as Record<string, string>)[d];
const actor = (...memberships: Actor['memberships']): Actor => ({ userId: 1, memberships });
const national = actor({ role: 'national_admin' });
const ara = actor({ role: 'regional_coordinator', regionCode: '84' });
const caf69 = actor({ role: 'correspondent', organisation: 'caf', departementCode: '69' });

describe('canGrant: nobody grants a scope wider than their own', () => {
  it('the nation grants anything', () => {
    expect(canGrant(national, { role: 'regional_coordinator', organisation: null, regionCode: '93' }, regionOf)).toBe(true);
    expect(canGrant(national, { role: 'correspondent', organisation: 'federation', departements: ['13', '69'] }, regionOf)).toBe(true);
  });
  it('a regional coordination grants correspondents of its région and its own région, nothing elsewhere', () => {
    expect(canGrant(ara, { role: 'correspondent', organisation: 'caf', departements: ['69', '01'] }, regionOf)).toBe(true);
    expect(canGrant(ara, { role: 'correspondent', organisation: 'caf', departements: ['69', '13'] }, regionOf)).toBe(false);
    expect(canGrant(ara, { role: 'regional_coordinator', organisation: null, regionCode: '84' }, regionOf)).toBe(true);
    expect(canGrant(ara, { role: 'regional_coordinator', organisation: null, regionCode: '93' }, regionOf)).toBe(false);
  });
  it('a correspondent grants only its own départements, within its organisation, never a région', () => {
    expect(canGrant(caf69, { role: 'correspondent', organisation: 'caf', departements: ['69'] }, regionOf)).toBe(true);
    expect(canGrant(caf69, { role: 'correspondent', organisation: 'federation', departements: ['69'] }, regionOf)).toBe(false);
    expect(canGrant(caf69, { role: 'correspondent', organisation: 'caf', departements: ['69', '01'] }, regionOf)).toBe(false);
    expect(canGrant(caf69, { role: 'correspondent', organisation: 'caf', departements: [] }, regionOf)).toBe(false);
    expect(canGrant(caf69, { role: 'regional_coordinator', organisation: 'caf', regionCode: '84' }, regionOf)).toBe(false);
  });
  it('structure people grant nothing, and only the nation manages a national account', () => {
    expect(canGrant(actor({ role: 'director', structureId: 3 }), { role: 'correspondent', organisation: 'caf', departements: ['69'] }, regionOf)).toBe(false);
    expect(canManagePerson(ara, [{ role: 'national_admin' }], regionOf)).toBe(false);
    expect(canManagePerson(ara, [{ role: 'correspondent', departementCode: '01' }], regionOf)).toBe(true);
    expect(canManagePerson(caf69, [{ role: 'correspondent', organisation: 'caf', departementCode: '69' }, { role: 'correspondent', organisation: 'caf', departementCode: '01' }], regionOf)).toBe(false);
  });
  it('a grant becomes one membership per département', () => {
    expect(membershipsOf({ role: 'correspondent', organisation: 'caf', departements: ['01', '69'] })).toEqual([
      { role: 'correspondent', organisation: 'caf', departementCode: '01' }, { role: 'correspondent', organisation: 'caf', departementCode: '69' },
    ]);
  });
});
