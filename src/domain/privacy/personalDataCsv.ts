import { writeCsv, type CsvCell } from '../csv';

/** One section of a person's data: named rows of plain fields. */
export type PersonalSections = Record<string, Record<string, unknown>[]>;

const cell = (v: unknown): CsvCell =>
  v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : (v as CsvCell);

/**
 * A person's data as one CSV (French spreadsheet dialect): a row per field of each item, so sections of
 * different shapes fit one table — section, item number, field, value.
 * @example personalDataCsv({ profil: [{ nom: 'Léa' }] }) // 'section;élément;champ;valeur\r\nprofil;1;nom;Léa'
 */
export function personalDataCsv(sections: PersonalSections): string {
  const rows: CsvCell[][] = [];
  for (const [section, items] of Object.entries(sections)) {
    items.forEach((item, i) => {
      for (const [field, value] of Object.entries(item)) rows.push([section, i + 1, field, cell(value)]);
    });
  }
  return writeCsv(['section', 'élément', 'champ', 'valeur'], rows, { delimiter: ';', decimal: ',', bom: true });
}
