import { coreIndicators } from '../indicators';
import type { AnswerMap, Finding } from './types';
import { isAnswered } from './values';
import { plural, pluralWord } from '../labels';

/** Default expected answers: every core indicator. */
export const coreCodes: readonly string[] = coreIndicators.map((i) => i.code);

/**
 * Missing answers: one `error` finding for missing required answers, one `info` finding for other expected ones.
 * @example checkCompleteness({ 'finances.produits': 1 }, ['finances.produits', 'finances.charges'], ['finances.charges'])
 */
export function checkCompleteness(a: AnswerMap, expected: readonly string[] = coreCodes, required: readonly string[] = []) {
  const req = new Set(required);
  const missing = expected.filter((c) => !isAnswered(a, c));
  for (const c of required) if (!expected.includes(c) && !isAnswered(a, c)) missing.push(c);
  const missingRequired = missing.filter((c) => req.has(c));
  const missingOther = missing.filter((c) => !req.has(c));
  const findings: Finding[] = [];
  if (missingRequired.length) findings.push({
    kind: 'completeness', level: 'error', codes: missingRequired, rule: 'completeness.required',
    reason: `${plural(missingRequired.length, 'réponse obligatoire manquante', 'réponses obligatoires manquantes')} : la réponse ne peut pas être validée sans elles.`,
    details: { missing: missingRequired.length },
  });
  if (missingOther.length) findings.push({
    kind: 'completeness', level: 'info', codes: missingOther, rule: 'completeness.expected',
    reason: `${plural(missingOther.length, 'réponse attendue', 'réponses attendues')} sur ${expected.length} non ${pluralWord(missingOther.length, 'renseignée', 'renseignées')}.`,
    details: { missing: missingOther.length },
  });
  const total = new Set([...expected, ...required]).size;
  return { findings, expected: total, answered: total - missing.length, missing };
}
