import { kindLabel } from '../../domain/labels';
import { boxplotHeight, boxplotOption, type BoxRow } from '../../domain/charts/boxplot';
import { evolutionOption } from '../../domain/charts/evolution';
import type { PublishedCell, SuppressionRule } from '../../domain/disclosure';
import { chartSvg } from '../charts';
import { cellContent, formatNumber, NO_DATA_MARK, pdfSafe, ruleLegend } from '../format';
import { CONTENT_WIDTH, colours, pageSetup, tableLayout } from '../layout';
import type { PdfContent, PdfDocument } from '../pdf';
import { introText, KEY, ownText, positionShort, summarySentences, type FactSheetInput, type Position } from './text';
export type { FactSheetInput, Position };

/**
 * The fact sheet of one centre, in plain French for its team, its general assembly and its funders: its
 * own figures, where they stand among comparable structures (the group's published quartiles, never a
 * peer's value) and their evolution. Built from what `structurePosition` returns, itself through the gate.
 * Its words come from text.ts, which the web page shares.
 */

function groupText(group: Record<string, PublishedCell>, unit: string): PdfContent {
  if (unit === 'yesno') return { text: [cellContent(group.share, 'yesno'), { text: ' des structures', color: colours.muted }] };
  if (group.q1?.state === 'value' && group.median?.state === 'value' && group.q3?.state === 'value') {
    return { text: pdfSafe(`${formatNumber(group.q1.value, unit)} – ${formatNumber(group.median.value, unit)} – ${formatNumber(group.q3.value, unit)}`) };
  }
  const withheld = [group.median, group.q1, group.q3].find((c) => c?.state === 'suppressed');
  return cellContent(withheld ?? group.median, unit);
}

const BOX_COUNT = ['participation.adherents', 'participation.benevoles', 'participation.ag.presents', 'participation.ca.membres'];
const BOX_EUROS = ['finances.produits', 'finances.charges', 'rh.masse_salariale', 'finances.financement.communes', 'finances.financement.caf_ps'];
const EVOLUTION = ['participation.benevoles', 'finances.produits'];
const CHART_PX = 660;

function boxChart(input: FactSheetInput, codes: readonly string[], unit: string, title: string): PdfContent[] {
  const rows: BoxRow[] = codes.map((c) => input.indicators.find((i) => i.code === c)).filter((i) => i !== undefined).map((i) => ({
    label: i.label, q1: i.group.q1, median: i.group.median, q3: i.group.q3, own: typeof i.value === 'number' ? i.value : null,
  }));
  if (!rows.length) return [];
  const svg = chartSvg(boxplotOption({ rows, unit, ownLabel: 'Votre structure', groupLabel: 'Structures comparables (quartiles)' }), CHART_PX, boxplotHeight(rows.length));
  return [{ stack: [{ text: title, style: 'h3' }, { svg, width: CONTENT_WIDTH }], unbreakable: true }];
}

function evolutionCharts(input: FactSheetInput): PdfContent[] {
  const out: PdfContent[] = [];
  for (const code of EVOLUTION) {
    const ind = input.indicators.find((i) => i.code === code);
    const ev = input.evolution.find((e) => e.code === code);
    if (!ind || !ev || ev.years.length < 2) continue;
    const option = evolutionOption({
      label: ind.label, unit: ind.unit,
      points: ev.years.map((y) => ({ year: y.year, own: typeof y.value === 'number' ? y.value : typeof y.value === 'boolean' ? (y.value ? 1 : 0) : null, median: y.group })),
      ownLabel: 'Votre structure', groupLabel: 'Médiane des structures comparables',
    });
    out.push({ stack: [{ text: ind.label, style: 'h3' }, { svg: chartSvg(option, CHART_PX, 210), width: CONTENT_WIDTH }], unbreakable: true });
  }
  return out;
}

function evolutionTable(input: FactSheetInput): PdfContent[] {
  const years = input.evolution[0]?.years.map((y) => y.year) ?? [];
  if (years.length < 2) return [{ text: 'Première campagne de la structure : l’évolution apparaîtra les années suivantes.', style: 'intro' }];
  const rows = KEY.map((code) => ({ ind: input.indicators.find((i) => i.code === code), ev: input.evolution.find((e) => e.code === code) }))
    .filter((r) => r.ind && r.ev);
  return [{
    table: {
      headerRows: 1, dontBreakRows: true, widths: ['*', ...years.map(() => 62)],
      body: [
        [{ text: 'Votre structure (médiane des structures comparables)', style: 'th' }, ...years.map((y) => ({ text: String(y), style: 'th', alignment: 'right' }))],
        ...rows.map(({ ind, ev }) => [
          { text: ind!.label },
          ...ev!.years.map((y) => ({ text: [{ text: ownText(y.value, ind!.unit) }, { text: '\n(' }, cellContent(y.group, ind!.unit), { text: ')' }], alignment: 'right', fontSize: 8 })),
        ]),
      ],
    },
    layout: tableLayout,
  }];
}

/**
 * The pdfmake document of a centre's fact sheet.
 * @example await renderPdf(factSheetDocument(input))
 */
export function factSheetDocument(input: FactSheetInput): PdfDocument {
  const s = input.structure;
  const kind = kindLabel(s.kind);
  const rules = new Set<SuppressionRule>();
  for (const i of input.indicators) for (const c of Object.values(i.group)) if (c.state === 'suppressed') rules.add(c.rule);
  for (const e of input.evolution) for (const y of e.years) if (y.group.state === 'suppressed') rules.add(y.group.rule);
  const sentences = summarySentences(input);
  return {
    ...pageSetup(pdfSafe(`Senacs — fiche de ${s.name} — ${input.year}`)),
    info: { title: pdfSafe(`Fiche ${input.year} — ${s.name}`), author: 'Observatoire Senacs', subject: 'Fiche du centre' },
    content: [
      { text: 'Observatoire des centres sociaux et espaces de vie sociale', fontSize: 9, color: colours.muted },
      { canvas: [{ type: 'rect', x: 0, y: 4, w: CONTENT_WIDTH, h: 3, color: colours.accent }], margin: [0, 0, 0, 14] },
      { text: pdfSafe(s.name), style: 'h1' },
      { text: pdfSafe(`${kind} · ${s.communeName}${s.postalCode ? ` (${s.postalCode})` : ''} · ${s.departementName}`), fontSize: 11, color: colours.muted, margin: [0, 2, 0, 2] },
      { text: `Fiche ${input.year} pour l’équipe, l’assemblée générale et les partenaires financeurs`, fontSize: 12, margin: [0, 0, 0, 10] },
      { text: pdfSafe(introText(input)), style: 'intro' },
      { text: 'En bref', style: 'h2' },
      { ul: sentences.map((t) => pdfSafe(t)), margin: [0, 0, 0, 4] },
      ...boxChart(input, BOX_COUNT, 'count', 'Participation : votre structure et les structures comparables'),
      ...boxChart(input, BOX_EUROS, 'euros', 'Finances : votre structure et les structures comparables'),
      { text: 'Tous les indicateurs', style: 'h2', headlineLevel: 1 },
      { text: 'Groupe : premier quartile – médiane – troisième quartile, ou part des structures qui répondent « oui ».', style: 'intro' },
      {
        table: {
          headerRows: 1, dontBreakRows: true, widths: ['*', 70, 178, 80],
          body: [
            ['Indicateur', 'Votre structure', 'Structures comparables', 'Position'].map((t, i) => ({ text: t, style: 'th', alignment: i === 0 ? 'left' : 'right' })),
            ...input.indicators.map((i) => [
              { text: i.label },
              { text: ownText(i.value, i.unit), alignment: 'right' },
              { ...(groupText(i.group, i.unit) as Record<string, unknown>), alignment: 'right' },
              { text: i.position ? positionShort[i.position] : NO_DATA_MARK, alignment: 'right', color: colours.muted },
            ]),
          ],
        },
        layout: tableLayout,
      },
      ruleLegend(rules),
      { text: 'Évolution', style: 'h2', headlineLevel: 1 },
      ...evolutionCharts(input),
      ...evolutionTable(input),
      { text: 'Pour lire cette fiche', style: 'h3' },
      {
        text: pdfSafe('Les valeurs de la structure sont celles de sa réponse au questionnaire. Les chiffres des structures comparables ne comptent que les réponses validées par les correspondants départementaux. '
          + '« s » signale un chiffre masqué par le secret statistique (la lettre dit la règle) ; « – » un chiffre absent. '
          + `Cette fiche est réservée à la structure, aux correspondants de son territoire et à l’équipe nationale ; elle ne nomme aucune autre structure.`),
        style: 'intro',
      },
    ],
  };
}

