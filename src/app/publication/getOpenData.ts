import type { Db } from '../../db/connection';
import { dataPackage } from '../../reports/opendata/build';
import { buildOpenData } from './buildOpenData';

/**
 * A campaign's open data files and the datapackage.json describing them (Frictionless Data Package).
 * @example const { files, datapackage } = await getOpenData({ db, year: 2024 }); // datapackage.licenses[0].name === 'etalab-2.0'
 */
export async function getOpenData(p: { db: Db; year: number }) {
  const files = await buildOpenData(p);
  return { files, datapackage: dataPackage(p.year, files) };
}
