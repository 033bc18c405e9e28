import { cellText } from '../../domain/charts/theme';
import type { ApiResponse } from '../../http/apiTypes';

export type Cell = TerritoryFigures['figures'][number]['cell'];
export type TerritoryFigures = ApiResponse<'get', '/stats/ess'>;

const fr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** A published cell in words: the value (shares of structures in %, medians of percentages with « % »), or why there is none. */
export function cellLabel(cell: Cell | undefined, unit: string, stat: string): string {
  if (cell?.state !== 'value') return cellText(cell as never, unit);
  if (stat === 'count') return fr.format(cell.value);
  if (unit === 'yesno') return `${fr.format(cell.value * 100)} %`;
  if (unit === 'share') return `${fr.format(cell.value)} %`;
  return fr.format(cell.value);
}

/** The main statistic of an indicator: the share for yes/no, the median otherwise. */
const mainStat = (unit: string) => (unit === 'yesno' ? 'share' : 'median');

/**
 * Published figures of a territory and its children as a table: one row per territory, one column per
 * indicator with its main statistic and the number of structures; withheld cells say why.
 */
export function FiguresTable({ data, caption }: { data: TerritoryFigures; caption: string }) {
  const rows = [data.territory, ...data.children];
  const find = (code: string, stat: string, t: { level: string; code: string }) =>
    data.figures.find((f) => f.indicator === code && f.stat === stat && f.territory.level === t.level && f.territory.code === t.code)?.cell;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Territoire</th>
            {data.indicators.map((i) => <th scope="col" key={i.code} className="num">{i.label}<br /><span className="muted">{mainStat(i.unit) === 'share' ? 'part des structures' : 'médiane'}</span></th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={`${t.level}:${t.code}`}>
              <th scope="row">{t.name}</th>
              {data.indicators.map((i) => {
                const c = find(i.code, mainStat(i.unit), t);
                const n = find(i.code, 'count', t);
                return <td key={i.code} className="num">{cellLabel(c, i.unit, mainStat(i.unit))}{n?.state === 'value' && <span className="muted"> ({n.value} str.)</span>}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
