import { formatNumber, responseStateLabel, responseStates } from '../lib/labels';
import type { Progress } from '../lib/types';

const percent = (n: number, of: number) => (of ? Math.round((n / of) * 100) : 0);

/**
 * Where a campaign stands on a territory: expected responses and the count in each state.
 * A table, not a chart, so the figures are readable by everyone; the bars are decoration.
 */
export function ProgressSummary({ progress, caption }: { progress: Progress; caption: string }) {
  const { expected, byState } = progress;
  const done = (byState.validated ?? 0) + (byState.locked ?? 0);
  const sent = done + (byState.submitted ?? 0);
  return (
    <div className="progress">
      <ul className="key-figures">
        <li><span className="figure">{formatNumber(expected)}</span> réponses attendues</li>
        <li><span className="figure">{percent(sent, expected)} %</span> transmises ou validées</li>
        <li><span className="figure">{percent(done, expected)} %</span> validées</li>
      </ul>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr><th scope="col">État de la réponse</th><th scope="col" className="num">Structures</th><th scope="col" className="num">Part</th><th scope="col"><span className="visually-hidden">Répartition</span></th></tr>
        </thead>
        <tbody>
          {responseStates.map((s) => {
            const n = byState[s] ?? 0;
            return (
              <tr key={s}>
                <th scope="row">{responseStateLabel(s)}</th>
                <td className="num">{formatNumber(n)}</td>
                <td className="num">{percent(n, expected)} %</td>
                <td className="bar-cell" aria-hidden="true">
                  <span className={`bar badge-${s}`} style={{ width: `${percent(n, expected)}%` }} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
