import type { PdfContent } from './pdf';

/** Shared look of the PDF reports: A4, Senacs blue, small readable type. */
export const colours = { brand: '#0B4F8A', accent: '#C04A00', muted: '#4A4F57', rule: '#C9CED6', band: '#EEF3F8' } as const;

/** Usable width of an A4 page with the report margins, in points. */
export const CONTENT_WIDTH = 595.28 - 2 * 40;

export const styles = {
  h1: { fontSize: 22, bold: true, color: colours.brand },
  h2: { fontSize: 14, bold: true, color: colours.brand, margin: [0, 14, 0, 4] },
  h3: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 3] },
  intro: { fontSize: 9, color: colours.muted, margin: [0, 0, 0, 6] },
  th: { bold: true, fontSize: 8, color: colours.muted },
  small: { fontSize: 7.5, color: colours.muted },
  figure: { fontSize: 17, bold: true, color: colours.brand },
};

/** Hairline table layout with a light header band. */
export const tableLayout = {
  hLineWidth: (i: number) => (i === 0 ? 0 : 0.5),
  vLineWidth: () => 0,
  hLineColor: () => colours.rule,
  fillColor: (row: number) => (row === 0 ? colours.band : null),
  paddingTop: () => 2.5, paddingBottom: () => 2.5, paddingLeft: () => 4, paddingRight: () => 4,
};

/**
 * Page setup shared by every report: margins, running footer with the page number.
 * @example { ...pageSetup('Rhône — 2025'), content }
 */
export function pageSetup(footerText: string) {
  return {
    pageSize: 'A4', pageMargins: [40, 40, 40, 44],
    styles,
    // A section title never ends a page: it moves to the next one with what follows it.
    // (The title, its intro, the table and its header cells are about ten nodes: fewer means no row follows.)
    pageBreakBefore: (node: { headlineLevel?: number }, context: { getFollowingNodesOnPage(): unknown[] }) =>
      node.headlineLevel === 1 && context.getFollowingNodesOnPage().length < 14,
    footer: (page: number, pages: number): PdfContent => ({
      columns: [{ text: footerText, style: 'small' }, { text: `Page ${page} sur ${pages}`, style: 'small', alignment: 'right' }],
      margin: [40, 14, 40, 0],
    }),
  };
}
