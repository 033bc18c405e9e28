import { directoryColumns } from '../domain/directory/columns';
import { withLuhnDigit } from '../domain/siret';
import { officialCommunes } from '../seed/geography';

/**
 * A directory file of `rows` structures placed in real communes of the official geography (the most
 * populated first, spread over départements), for tests and benchmarks: one CSV text, `;`-separated.
 * `variant` renames every structure and moves its approvals on, as next year's file would.
 * @example const csv = directoryFile({ rows: 300 }); // header + 300 rows
 */
export function directoryFile(p: { rows: number; variant?: number; emailDomain?: string; only?: (communeCode: string) => boolean }): { csv: string; sirets: string[]; communes: string[] } {
  const communes = [...officialCommunes().entries()].filter(([code]) => !p.only || p.only(code)).sort((a, b) => b[1].population - a[1].population || a[0].localeCompare(b[0]));
  const lines = [directoryColumns.map((c) => c.name).join(';')];
  const sirets: string[] = [];
  const used: string[] = [];
  for (let i = 0; i < p.rows; i++) {
    const [code, place] = communes[i % communes.length];
    const siret = withLuhnDigit(`5${String(i + 1).padStart(8, '0')}0001`);
    const kind = i % 3 === 2 ? 'EVS' : 'CS';
    const start = 2023 + (p.variant ?? 0);
    const cells: Record<string, string> = {
      siret, nom: `${kind === 'CS' ? 'Centre social' : 'Espace de vie sociale'} ${i + 1}${p.variant ? ` (${2025 + p.variant})` : ''}`, type: kind,
      adresse: `${(i % 90) + 1} rue de la République`, code_postal: place.postalCode ?? '', code_commune: code,
      agrement_debut: `${start}-01-01`, agrement_fin: `${start + 3}-12-31`,
      familles_debut: kind === 'CS' && i % 4 !== 0 ? `${start}-01-01` : '', familles_fin: kind === 'CS' && i % 4 !== 0 ? `${start + 3}-12-31` : '',
      gestion: ['association', 'association', 'collectivite', 'autre'][i % 4], federation: i % 5 < 3 ? 'oui' : 'non',
      qpv: i % 6 === 0 ? `QN${code.slice(0, 2).replace(/\D/g, '0')}0${String((i % 90) + 10)}M` : '',
      courriel_direction: `direction${i + 1}@${p.emailDomain ?? 'structures.example.fr'}`, sirets_repris: '',
    };
    lines.push(directoryColumns.map((c) => cells[c.name] ?? '').join(';'));
    sirets.push(siret);
    used.push(code);
  }
  return { csv: `${lines.join('\n')}\n`, sirets, communes: used };
}
