import { barsHeight, barsOption } from '../../domain/charts/bars';
import type { PublishedCell, SuppressionRule } from '../../domain/disclosure';
import { chartSvg, mapSvg } from '../charts';
import { choroplethOption, MAP_CREDIT } from '../../domain/charts/map';
import { cellContent, formatNumber, NO_DATA_MARK, pdfSafe, ruleLegend, ruleLetters, ruleNotes } from '../format';
import { CONTENT_WIDTH, colours, pageSetup, tableLayout } from '../layout';
import type { PdfContent, PdfDocument } from '../pdf';
import type { PlaquetteModel, PlaquetteRow, PlaquetteSection } from './model';

/**
 * The pdfmake document of a plaquette: cover with key figures, the five sections as tables (the national
 * figure beside the local one) with their charts, the sub-territories, the list of structures and the
 * note on method. Every number printed is a cell of the model (so of the gate), formatted by `cellContent`.
 */

/** Charts are drawn wider than the page and scaled down, so their 11–12 px labels print near 9 pt. */
const CHART_PX = 660;

const levelLabel = { nation: 'France entière', region: 'Région', departement: 'Département' } as const;
const perStructureLabel = { mean: 'moyenne par structure', median: 'médiane', share: 'part des structures' } as const;

const rulesIn = (cells: readonly (PublishedCell | null)[]): Set<SuppressionRule> =>
  new Set(cells.flatMap((c) => (c && c.state === 'suppressed' ? [c.rule] : [])));

function cover(m: PlaquetteModel): PdfContent[] {
  const where = m.level === 'nation' ? 'France entière' : `${levelLabel[m.level]} ${m.level === 'departement' ? `(${m.code})` : ''}${m.parentName ? ` · ${m.parentName}` : ''}`;
  const rate: PublishedCell = m.responses.state === 'value' && m.directory.total > 0
    ? { state: 'value', value: m.responses.value / m.directory.total, n: m.responses.n } : m.responses;
  const figures = m.keyFigures.map((k) => ({
    stack: [{ ...cellContent(k.cell, k.unit, true), style: 'figure' }, { text: k.label, fontSize: 8.5, color: colours.muted, margin: [0, 1, 0, 0] }],
    margin: [0, 6, 0, 6],
  }));
  const grid: PdfContent[] = [];
  for (let i = 0; i < figures.length; i += 3) grid.push({ columns: figures.slice(i, i + 3), columnGap: 12 });
  return [
    { text: 'Observatoire des centres sociaux et espaces de vie sociale', fontSize: 9, color: colours.muted },
    { canvas: [{ type: 'rect', x: 0, y: 4, w: CONTENT_WIDTH, h: 3, color: colours.brand }], margin: [0, 0, 0, 18] },
    { text: pdfSafe(m.name), style: 'h1' },
    { text: where.trim(), fontSize: 11, color: colours.muted, margin: [0, 2, 0, 4] },
    { text: `Les centres sociaux et les espaces de vie sociale en ${m.year}`, fontSize: 13, margin: [0, 0, 0, m.release ? 2 : 16] },
    ...(m.release ? [{ text: `Chiffres publiés — version n° ${m.release.number} du ${releaseDate(m.release.publishedAt)}`, fontSize: 9, color: '#555555', margin: [0, 0, 0, 14] }] : []),
    {
      table: {
        widths: ['*', '*', '*'],
        body: [[
          { stack: [{ text: formatNumber(m.directory.total, 'count'), style: 'figure' }, { text: 'structures dans l’annuaire', fontSize: 8.5, color: colours.muted }] },
          { stack: [{ text: pdfSafe(`${formatNumber(m.directory.cs, 'count')} / ${formatNumber(m.directory.evs, 'count')}`), style: 'figure' }, { text: 'centres sociaux / espaces de vie sociale', fontSize: 8.5, color: colours.muted }] },
          { stack: [{ ...cellContent(m.responses, 'count'), style: 'figure' }, { text: [{ text: 'réponses validées, soit un taux de réponse de ' }, cellContent(rate, 'yesno')], fontSize: 8.5, color: colours.muted }] },
        ]],
      },
      layout: { ...tableLayout, fillColor: () => colours.band, hLineWidth: () => 0, paddingTop: () => 8, paddingBottom: () => 8, paddingLeft: () => 8 },
    },
    { text: 'Chiffres clés', style: 'h2' },
    ...grid,
    ruleLegend(rulesIn([m.responses, ...m.keyFigures.map((k) => k.cell)])),
    {
      text: 'Tous les chiffres de cette plaquette sont ceux du tableau national publié, après contrôle du secret statistique : '
        + 'une case qui permettrait de deviner les réponses d’une structure est masquée (« s »), et la note de méthode dit pourquoi.',
      style: 'intro', margin: [0, 14, 0, 0],
    },
  ];
}

function sectionTable(m: PlaquetteModel, s: PlaquetteSection): PdfContent {
  const nationLevel = m.level === 'nation';
  const header = [
    { text: 'Indicateur', style: 'th' },
    { text: 'Total', style: 'th', alignment: 'right' },
    { text: nationLevel ? 'Par structure' : `Par structure\n${pdfSafe(m.name)}`, style: 'th', alignment: 'right' },
    ...(nationLevel ? [] : [{ text: 'Par structure\nFrance', style: 'th', alignment: 'right' }]),
  ];
  const row = (r: PlaquetteRow) => [
    { text: [r.label, { text: ` (${perStructureLabel[r.perStructure]})`, color: colours.muted, fontSize: 7.5 }] },
    r.total ? { ...cellContent(r.total, r.unit), alignment: 'right' } : { text: '', alignment: 'right' },
    { ...cellContent(r.local, r.unit), alignment: 'right' },
    ...(nationLevel ? [] : [{ ...cellContent(r.national, r.unit), alignment: 'right', color: colours.muted }]),
  ];
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: nationLevel ? ['*', 90, 90] : ['*', 82, 82, 82], body: [header, ...s.rows.map(row)] },
    layout: tableLayout,
  };
}

function section(m: PlaquetteModel, s: PlaquetteSection, chart?: PdfContent[]): PdfContent[] {
  const cells = s.rows.flatMap((r) => [r.total, r.local, r.national]);
  return [
    { text: s.title, style: 'h2', headlineLevel: 1 },
    { text: s.intro, style: 'intro' },
    sectionTable(m, s),
    ruleLegend(rulesIn(cells)),
    ...(chart ?? []),
  ];
}

function barsChart(title: string, m: PlaquetteModel, rows: { label: string; local: PublishedCell; national: PublishedCell }[], unit: 'yesno'): PdfContent[] {
  const series = m.level === 'nation'
    ? [{ name: 'France', cells: rows.map((r) => r.national) }]
    : [{ name: m.name, cells: rows.map((r) => r.local) }, { name: 'France', cells: rows.map((r) => r.national), colour: '#7A8594' }];
  const svg = chartSvg(barsOption({ categories: rows.map((r) => r.label), series, unit }), CHART_PX, barsHeight(rows.length, series.length));
  return [{ stack: [{ text: title, style: 'h3' }, { svg, width: CONTENT_WIDTH, margin: [0, 0, 0, 4] }], unbreakable: true }];
}

function territories(m: PlaquetteModel): PdfContent[] {
  if (m.level === 'departement') {
    if (!m.map) return [];
    return [{ text: pdfSafe(`${m.name} dans sa région${m.parentName ? ` (${m.parentName})` : ''}`), style: 'h2', pageBreak: 'before' }, ...mapFigure(m)];
  }
  if (m.children.length === 0) return [];
  const childLabel = m.level === 'nation' ? 'Région' : 'Département';
  const cells = m.children.flatMap((c) => [c.responses, c.budget, c.volunteers]);
  return [
    { text: m.level === 'nation' ? 'Les régions' : 'Les départements', style: 'h2', pageBreak: 'before' },
    ...mapFigure(m),
    {
      table: {
        headerRows: 1, dontBreakRows: true, widths: ['*', 62, 62, 80, 70],
        body: [
          [childLabel, 'Structures', 'Réponses', 'Budget cumulé', 'Bénévoles'].map((t, i) => ({ text: t, style: 'th', alignment: i ? 'right' : 'left' })),
          ...m.children.map((c) => [
            { text: pdfSafe(m.level === 'region' ? `${c.name} (${c.code})` : c.name) },
            { text: formatNumber(c.structures, 'count'), alignment: 'right' },
            { ...cellContent(c.responses, 'count'), alignment: 'right' },
            { ...cellContent(c.budget, 'euros', true), alignment: 'right' },
            { ...cellContent(c.volunteers, 'count'), alignment: 'right' },
          ]),
        ],
      },
      layout: tableLayout,
    },
    ruleLegend(rulesIn(cells)),
  ];
}

function mapFigure(m: PlaquetteModel): PdfContent[] {
  if (!m.map) return [];
  const option = choroplethOption({
    cells: m.map.cells, indicatorLabel: m.map.indicatorLabel, unit: 'count', credit: false,
    only: m.level === 'nation' ? undefined : m.map.cells.map((c) => c.code),
    ...(m.level === 'departement' ? { highlight: m.code } : {}),
  });
  const height = m.level === 'nation' ? 560 : 420;
  return [{
    stack: [
      { text: m.map.indicatorLabel, style: 'h3' },
      { svg: mapSvg(option, CHART_PX, height), width: CONTENT_WIDTH },
      { text: pdfSafe(`Hachures : secret statistique ; blanc : pas de données. ${MAP_CREDIT}`), style: 'small', margin: [0, 2, 0, 8] },
    ],
    unbreakable: true,
  }];
}

function structureList(m: PlaquetteModel): PdfContent[] {
  if (m.level === 'nation') {
    return [{ text: 'Les structures', style: 'h2' }, { text: `Les ${pdfSafe(formatNumber(m.directory.total, 'count'))} structures sont présentées dans l’annuaire public de l’observatoire, avec leur fiche d’identité.`, style: 'intro' }];
  }
  const showDep = m.level === 'region';
  return [
    { text: 'Les structures', style: 'h2', pageBreak: 'before' },
    { text: 'Identité publique des structures, telle que l’annuaire la présente.', style: 'intro' },
    {
      table: {
        headerRows: 1, dontBreakRows: true, widths: showDep ? ['*', 30, 150, 28] : ['*', 30, 170],
        body: [
          ['Structure', 'Type', 'Commune', ...(showDep ? ['Dép.'] : [])].map((t) => ({ text: t, style: 'th' })),
          ...m.structures.map((s) => [
            { text: pdfSafe(s.name) }, { text: s.kind === 'CS' ? 'CS' : 'EVS' },
            { text: pdfSafe(s.postalCode ? `${s.communeName} (${s.postalCode})` : s.communeName) },
            ...(showDep ? [{ text: s.departementCode }] : []),
          ]),
        ],
      },
      layout: tableLayout, fontSize: 8,
    },
    { text: 'CS : centre social ; EVS : espace de vie sociale.', style: 'small', margin: [0, 3, 0, 0] },
  ];
}

function methodology(m: PlaquetteModel): PdfContent[] {
  const total = Object.values(m.suppressed).reduce((a, b) => a + b, 0);
  const rate = m.responses.state === 'value' && m.directory.total > 0 ? formatNumber(m.responses.value / m.directory.total, 'yesno') : null;
  const responseText = m.responses.state === 'value'
    ? `${formatNumber(m.responses.value, 'count')} structures sur les ${formatNumber(m.directory.total, 'count')} de l’annuaire ont une réponse validée pour ${m.year}${rate ? `, soit un taux de réponse de ${rate}` : ''}.`
    : `Le nombre de réponses validées est ${m.responses.state === 'suppressed' ? 'masqué par le secret statistique (trop peu de réponses)' : 'nul'} pour ${m.year}.`;
  const rules = (Object.keys(ruleLetters) as SuppressionRule[]).filter((r) => m.suppressed[r] > 0);
  return [
    { text: 'Note de méthode', style: 'h2', pageBreak: m.level === 'nation' ? undefined : 'before' },
    { text: 'Réponses', style: 'h3' },
    { text: pdfSafe(`${responseText} Seules les réponses validées par les correspondants départementaux (CAF et fédération) sont comptées. Les moyennes, médianes et parts se rapportent aux structures qui ont répondu à la question.`) },
    { text: 'Comparaison nationale', style: 'h3' },
    { text: 'La colonne « France » donne le même chiffre par structure pour toute la France : une moyenne, une médiane ou une part de structures se comparent d’un territoire à l’autre, un total non.' },
    { text: 'Secret statistique', style: 'h3' },
    {
      text: pdfSafe(`L’annuaire des structures est public : un chiffre calculé sur très peu de structures, ou dominé par l’une d’elles, révélerait leurs réponses. `
        + `La plaquette, le tableau de bord et les données ouvertes sont tirés d’un seul tableau national, protégé d’un bloc : secret primaire (seuil de structures, dominance), puis secret secondaire pour qu’aucune case masquée ne se recalcule à partir des totaux. `
        + `Sur les ${formatNumber(m.printedCells, 'count')} cases de ce tableau imprimées ici, ${total === 0 ? 'aucune n’est masquée.' : `${formatNumber(total, 'count')} sont masquées :`}`),
    },
    ...(rules.length ? [{
      ul: rules.map((r) => ({ text: [{ text: `${ruleLetters[r]} — ${formatNumber(m.suppressed[r], 'count')} case${m.suppressed[r] > 1 ? 's' : ''} : `, bold: true }, `${ruleNotes[r]}.`] })),
      margin: [0, 3, 0, 0],
    }] : []),
    { text: `« s » signale une case masquée (la lettre dit la règle), « ${NO_DATA_MARK} » une case sans données : aucune structure concernée n’a répondu.`, margin: [0, 6, 0, 0] },
    { text: 'Source', style: 'h3' },
    { text: `Observatoire Senacs, campagne ${m.year}. Plaquette produite automatiquement à partir des chiffres publiés${m.release ? ` : version n° ${m.release.number} du ${releaseDate(m.release.publishedAt)}` : ''}.` },
  ];
}

/**
 * The pdfmake document of a plaquette.
 * @example await renderPdf(plaquetteDocument(plaquetteModel(input)))
 */
/** A release date as a French day. */
const releaseDate = (d: Date) => new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date(d));

export function plaquetteDocument(m: PlaquetteModel): PdfDocument {
  const [territoire, actions, participation, rh, finances] = m.sections;
  const place = m.level === 'nation' ? 'France' : m.name;
  return {
    ...pageSetup(pdfSafe(`Senacs — ${place} — ${m.year}`)),
    info: { title: pdfSafe(`Plaquette ${m.year} — ${place}`), author: 'Observatoire Senacs', subject: 'Centres sociaux et espaces de vie sociale', keywords: `plaquette ${m.level} ${m.code} ${m.year}` },
    content: [
      ...cover(m),
      ...section(m, territoire),
      ...section(m, actions, barsChart('Part des structures qui mènent chaque action', m, m.actions, 'yesno')),
      ...section(m, participation),
      ...section(m, rh),
      ...section(m, finances, barsChart('Part des principaux financeurs dans le total des produits', m, m.funding, 'yesno')),
      ...territories(m),
      ...structureList(m),
      ...methodology(m),
    ],
  };
}

