import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A library loaded on first use rather than at start: ECharts, ExcelJS and pdfmake take seconds to load
 * and most processes (a server restarting after a crash, a CLI command) never draw a chart or read a
 * workbook. The proxy requires the module the first time one of its properties is read.
 * @example const ExcelJS = lazyModule<typeof ExcelJSTypes>('exceljs'); new ExcelJS.Workbook();
 */
export function lazyModule<T extends object>(id: string): T {
  let mod: T | undefined;
  return new Proxy({} as T, { get: (_, key) => Reflect.get((mod ??= require(id) as T), key) });
}
