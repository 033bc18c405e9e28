/**
 * Codes of local questions: `local.<département>.<name>` (e.g. `local.69.jardins`) or
 * `local.r<region>.<name>` (e.g. `local.r84.jardins`). Regions carry an `r` because région and
 * département codes overlap (région 84 is Auvergne-Rhône-Alpes, département 84 is Vaucluse): without it
 * one code could name two different questions. National codes never start with `local.`.
 */
import { AppError } from '../errors';

export const localLevels = ['departement', 'region'] as const;
export type LocalLevel = (typeof localLevels)[number];

/** The territory that owns local questions. */
export interface LocalTerritory {
  level: LocalLevel;
  code: string;
}

/** Prefix of every local code. */
export const localPrefix = 'local.';

/** A name: lowercase words of letters, digits and `_`, separated by dots (at most four parts). */
const namePattern = /^[a-z][a-z0-9_]{0,39}(\.[a-z0-9_]{1,40}){0,3}$/;
const territoryPattern = /^(?:[0-9]{2,3}|2[ab])$/;

/**
 * The namespace of a territory's local questions, ending without a dot.
 *
 * @example
 * localNamespace({ level: 'departement', code: '2A' }); // 'local.2a'
 * localNamespace({ level: 'region', code: '84' });      // 'local.r84'
 */
export function localNamespace(t: LocalTerritory): string {
  const code = t.code.toLowerCase();
  if (!territoryPattern.test(code)) throw new AppError('validation_failed', `Code de territoire invalide : « ${t.code} ».`);
  return `${localPrefix}${t.level === 'region' ? 'r' : ''}${code}`;
}

/**
 * The full code of a local question from its short name; refuses names that are not plain lowercase
 * words, and full codes given in place of a name.
 *
 * @example
 * localCode({ level: 'departement', code: '69' }, 'jardins_partages'); // 'local.69.jardins_partages'
 * localCode({ level: 'departement', code: '69' }, 'rh.etp.animation'); // 'local.69.rh.etp.animation' (its own namespace, no clash)
 * localCode({ level: 'departement', code: '69' }, 'Jardins !');        // throws AppError('validation_failed')
 */
export function localCode(t: LocalTerritory, name: string): string {
  if (name.startsWith(localPrefix) || !namePattern.test(name)) {
    throw new AppError('validation_failed',
      `Nom de question locale invalide : « ${name} ». Utilisez des minuscules sans accent, des chiffres et « _ », séparés par des points (par exemple « jardins_partages ») ; le préfixe ${localNamespace(t)}. est ajouté automatiquement.`);
  }
  return `${localNamespace(t)}.${name}`;
}

/** True for a code of a local question. @example isLocalCode('local.69.jardins') // true */
export function isLocalCode(code: string): boolean {
  return code.startsWith(localPrefix);
}

/** True when `code` belongs to the namespace of `t`. @example inNamespace('local.69.a', { level: 'departement', code: '69' }) // true */
export function inNamespace(code: string, t: LocalTerritory): boolean {
  return code.startsWith(`${localNamespace(t)}.`);
}
