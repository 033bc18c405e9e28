import type { Legal, LegalField } from './legal';

/** One setting of the operator, or a visible note saying which variable is still to set. */
export function Setting({ legal, field }: { legal: Legal; field: LegalField }) {
  const value = legal[field];
  if (value) return <>{value}</>;
  return <span className="legal-unset">à renseigner par l’exploitant (variable <code>{legal.variables[field]}</code>)</span>;
}
