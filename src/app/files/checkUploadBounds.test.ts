import { describe, expect, it } from 'vitest';
import { bigRowsXlsx, wideCsv } from '../../testing/oversizedUploads';
import { defaultUploadBounds } from '../../domain/interchange/uploadBounds';
import { readAnswerTable, writeAnswerTable } from './answerTableFile';
import { checkUploadBounds } from './checkUploadBounds';

const refusal = async (p: Promise<void>) => p.then(() => undefined, (e: { code?: string; details?: { limit?: string } }) => e);

describe('upload bounds, checked before parsing', () => {
  it('refuses the 400,000-row workbook (~100 KB) in well under a second, by its rows', async () => {
    const bytes = bigRowsXlsx();
    expect(bytes.length).toBeLessThan(200_000);
    const t = performance.now();
    const e = await refusal(checkUploadBounds(bytes, 'xlsx'));
    expect(performance.now() - t).toBeLessThan(1000);
    expect(e).toMatchObject({ code: 'payload_too_large', details: { limit: 'rows' } });
    expect((e as Error).message).toMatch(/^Fichier refusé avant lecture : le tableau dépasse 100\s000 lignes\./);
  });

  it('refuses the 100,000-column CSV by its columns', async () => {
    const t = performance.now();
    const e = await refusal(checkUploadBounds(wideCsv(), 'csv'));
    expect(performance.now() - t).toBeLessThan(1000);
    expect(e).toMatchObject({ code: 'payload_too_large', details: { limit: 'columns' } });
    expect((e as Error).message).toMatch(/colonnes/);
  });

  it('refuses on cells, on declared unpacked size, and a part that unpacks beyond its declared size', async () => {
    expect(await refusal(checkUploadBounds(bigRowsXlsx(2_000), 'xlsx', { ...defaultUploadBounds, cells: 1_000 }))).toMatchObject({ details: { limit: 'cells' } });
    expect(await refusal(checkUploadBounds(bigRowsXlsx(2_000), 'xlsx', { ...defaultUploadBounds, unpackedBytes: 10_000 }))).toMatchObject({ details: { limit: 'unpackedBytes' } });
    // The sheet's declared uncompressed size lowered in its central directory entry: a lying zip.
    const lying = bigRowsXlsx(2_000);
    const view = new DataView(lying.buffer, lying.byteOffset, lying.byteLength);
    for (let i = lying.length - 22; i > 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50 && new TextDecoder().decode(lying.subarray(i + 46, i + 46 + view.getUint16(i + 28, true))) === 'xl/worksheets/sheet1.xml') {
        view.setUint32(i + 24, 1_000, true);
        break;
      }
    }
    expect(await refusal(checkUploadBounds(lying, 'xlsx'))).toMatchObject({ code: 'validation_failed' });
    expect(await refusal(checkUploadBounds(new TextEncoder().encode('PK pas un zip'), 'xlsx'))).toMatchObject({ code: 'validation_failed' });
  });

  it('lets real files through: a workbook and a CSV written by the export, read the same afterwards', async () => {
    const columns = ['siret', ...Array.from({ length: 300 }, (_, i) => `q${i}`)];
    const rows = Array.from({ length: 200 }, (_, r) => [`7328293200${String(r).padStart(4, '0')}`, ...columns.slice(1).map((_, i) => (i % 7 === 0 ? null : r * i))]);
    for (const format of ['xlsx', 'csv'] as const) {
      const bytes = await writeAnswerTable({ columns, rows }, format);
      await expect(checkUploadBounds(bytes, format)).resolves.toBeUndefined();
      expect((await readAnswerTable(bytes, format)).rows).toHaveLength(200);
    }
    // A sheet with sparse cells far to the right counts by its last column, as exceljs fills the grid.
    expect(await refusal(checkUploadBounds(bigRowsXlsx(10), 'xlsx', { ...defaultUploadBounds, columns: 1 }))).toMatchObject({ details: { limit: 'columns' } });
  });
});
