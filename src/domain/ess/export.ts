import { kindLabel, managementLabel, plural, pluralWord } from '../labels';
import { responseStateLabels, type ResponseState } from '../responseState';
import { frEuros, frNumber, type EssItem, type EssProfile } from './profile';

/** What an export needs: the structure's directory identity, the year and its profile. */
export interface EssSheet {
  structure: { name: string; kind: string; siret: string | null; address: string | null; postalCode: string | null; commune: string; departementCode: string; departementName: string; management: string };
  year: number;
  responseState: string;
  profile: EssProfile;
}

export const essStateLabels = { met: 'Rempli', not_met: 'Non rempli', unknown: 'Inconnu' } as const;
/** A response's state inside a sentence (« Réponse validée »). */
export const responseStateLabel = (s: string) => responseStateLabels[s as ResponseState] ?? s;

/** Governance facts as (label, value) pairs, missing ones as « non renseigné ». */
export function essFactRows(p: EssProfile): [string, string][] {
  const f = p.facts;
  const n = (x: number | null, suffix = '') => (x === null ? 'non renseigné' : `${frNumber(x)}${suffix}`);
  const e = (x: number | null) => (x === null ? 'non renseigné' : frEuros(x));
  return [
    ['Adhérents', n(f.adherents)],
    ['Date de la dernière assemblée générale', f.agDate ?? 'non renseignée'],
    ['Présents à l’assemblée générale', n(f.agPresents)],
    ['Taux de présence (présents / adhérents)', n(f.agAttendance, ' %')],
    ['Membres du conseil d’administration', n(f.board)],
    ['dont femmes', f.boardWomen === null ? 'non renseigné' : `${frNumber(f.boardWomen)}${f.boardWomenShare !== null ? ` (${frNumber(f.boardWomenShare)} %)` : ''}`],
    ['dont moins de 30 ans', n(f.boardUnder30)],
    ['dont 60 ans et plus', n(f.boardOver60)],
    ['dont habitants ou usagers', f.boardInhabitants === null ? 'non renseigné' : `${frNumber(f.boardInhabitants)}${f.boardInhabitantsShare !== null ? ` (${frNumber(f.boardInhabitantsShare)} %)` : ''}`],
    ['dont représentants d’institutions ou de partenaires', f.boardInstitutions === null ? 'non renseigné' : `${frNumber(f.boardInstitutions)}${f.boardInstitutionsShare !== null ? ` (${frNumber(f.boardInstitutionsShare)} %)` : ''}`],
    ['dont autres membres', n(f.boardOthers)],
    ['Bénévoles d’activité', n(f.volunteers)],
    ['Heures de bénévolat', n(f.volunteerHours)],
    ['Fonds propres', e(f.ownFunds)],
    ['Réserves', e(f.reserves)],
    ['Résultat de l’exercice', e(f.result)],
  ];
}

/**
 * The profile as CSV rows for the regional ESS chamber (CRESS): identity first, then facts, criteria and
 * the good-practice checklist, one line each, with the state and the reason in French.
 * @example essCsvRows(sheet)[0] // ['rubrique', 'code', 'libellé', 'valeur ou état', 'motif et éléments']
 */
export function essCsvRows(s: EssSheet): string[][] {
  const rows: string[][] = [['rubrique', 'code', 'libellé', 'valeur ou état', 'motif et éléments']];
  const id = s.structure;
  rows.push(
    ['identité', 'nom', 'Nom de la structure', id.name, ''],
    ['identité', 'siret', 'SIRET', id.siret ?? 'non renseigné', ''],
    ['identité', 'adresse', 'Adresse', [id.address, id.postalCode, id.commune].filter(Boolean).join(' '), ''],
    ['identité', 'departement', 'Département', `${id.departementName} (${id.departementCode})`, ''],
    ['identité', 'type', 'Type', kindLabel(id.kind), ''],
    ['identité', 'gestion', 'Mode de gestion', managementLabel(id.management), ''],
    ['identité', 'annee', 'Année des données', String(s.year), `Réponse ${responseStateLabel(s.responseState)}`],
    ['statut ESS', 'statut', 'Appartenance à l’ESS', { ess_by_status: 'ESS par son statut', outside: 'Hors champ', unknown: 'Inconnue' }[s.profile.status], s.profile.statusReason],
  );
  essFactRows(s.profile).forEach(([label, value], i) => rows.push(['gouvernance et finances', `fait_${i + 1}`, label, value, '']));
  const line = (section: string) => (i: EssItem) => rows.push([section, i.key, i.label, essStateLabels[i.state], [i.reason, ...i.evidence].join(' | ')]);
  s.profile.criteria.forEach(line('critère loi 2014'));
  s.profile.goodPractice.forEach(line('guide des bonnes pratiques'));
  s.profile.notAsked.forEach((t, i) => rows.push(['non demandé', `manque_${i + 1}`, t, 'non demandé par le questionnaire', '']));
  return rows;
}

const colour = { met: '#007A5A', not_met: '#C04A00', unknown: '#4A4F57' } as const;

/**
 * The profile as a pdfmake document definition (plain data; rendering happens on the server).
 * @example essPdfDocument(sheet).content.length > 0
 */
export function essPdfDocument(s: EssSheet): { content: unknown[]; info: Record<string, string>; styles: Record<string, unknown>; pageMargins: number[]; footer: unknown } {
  const id = s.structure;
  const itemTable = (items: EssItem[]) => ({
    table: {
      headerRows: 1, widths: ['*', 60, '*'],
      body: [
        [{ text: 'Critère', style: 'th' }, { text: 'État', style: 'th' }, { text: 'Motif et éléments', style: 'th' }],
        ...items.map((i) => [
          i.label,
          { text: essStateLabels[i.state], color: colour[i.state], bold: true },
          { stack: [i.reason, ...i.evidence.map((e) => ({ text: `• ${e}`, color: '#4A4F57' }))] },
        ]),
      ],
    },
    layout: 'lightHorizontalLines', margin: [0, 4, 0, 10],
  });
  return {
    info: { title: `Profil ESS – ${id.name} – ${s.year}`, author: 'Senacs', subject: 'Profil économie sociale et solidaire pour la CRESS' },
    pageMargins: [40, 40, 40, 50],
    footer: { text: `Senacs – profil ESS établi à partir des réponses au questionnaire ${s.year}. Les critères « inconnus » ne sont pas demandés ou pas renseignés.`, fontSize: 7, color: '#4A4F57', margin: [40, 10, 40, 0] },
    styles: { h1: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] }, h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] }, th: { bold: true, fillColor: '#EEF1F5' }, muted: { color: '#4A4F57' } },
    content: [
      { text: 'Profil économie sociale et solidaire', style: 'muted' },
      { text: id.name, style: 'h1' },
      { text: `${kindLabel(id.kind)} · ${[id.address, id.postalCode, id.commune].filter(Boolean).join(' ')} · ${id.departementName} (${id.departementCode})`, style: 'muted' },
      { text: `SIRET : ${id.siret ?? 'non renseigné'} · Mode de gestion : ${managementLabel(id.management)} · Données ${s.year} (réponse ${responseStateLabel(s.responseState)})`, style: 'muted', margin: [0, 0, 0, 8] },
      { text: [{ text: 'Appartenance à l’ESS : ', bold: true }, s.profile.statusReason] },
      { text: `Bilan : ${plural(s.profile.summary.met, 'critère rempli', 'critères remplis')}, ${s.profile.summary.notMet} non ${pluralWord(s.profile.summary.notMet, 'rempli', 'remplis')}, ${s.profile.summary.unknown} ${pluralWord(s.profile.summary.unknown, 'inconnu', 'inconnus')}.`, margin: [0, 2, 0, 0] },
      { text: 'Conditions de la loi du 31 juillet 2014 (art. 1)', style: 'h2' },
      itemTable(s.profile.criteria),
      { text: 'Guide des bonnes pratiques (huit thèmes)', style: 'h2' },
      itemTable(s.profile.goodPractice),
      { text: 'Gouvernance et finances déclarées', style: 'h2' },
      { table: { widths: ['*', 'auto'], body: essFactRows(s.profile).map(([l, v]) => [l, { text: v, alignment: 'right' }]) }, layout: 'lightHorizontalLines' },
      { text: 'Ce que le questionnaire ne demande pas', style: 'h2' },
      { ul: s.profile.notAsked },
    ],
  };
}
