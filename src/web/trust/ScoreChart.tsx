import type { Cockpit } from './types';

/**
 * The quality score distribution as bars (plain CSS), backed by a real table: screen readers read the
 * table, sighted people see the bars; the numbers are written on the bars, so colour carries nothing alone.
 */
export function ScoreChart({ distribution, caption }: { distribution: Cockpit['qualityDistribution']; caption: string }) {
  const max = Math.max(1, ...distribution.map((d) => d.n));
  const total = distribution.reduce((s, d) => s + d.n, 0);
  return (
    <figure className="score-chart">
      <table className="score-table">
        <caption>{caption} ({total} réponse{total > 1 ? 's' : ''} notée{total > 1 ? 's' : ''})</caption>
        <thead><tr><th scope="col">Score de qualité</th><th scope="col">Réponses</th></tr></thead>
        <tbody>
          {distribution.map((d) => (
            <tr key={d.from}>
              <th scope="row">{d.from} à {d.to}</th>
              <td>
                {d.n > 0 && <span className={`score-bar score-bar-${d.from >= 80 ? 'good' : d.from >= 50 ? 'mid' : 'low'}`} style={{ width: `${(d.n / max) * 100}%` }} aria-hidden="true" />}
                <span className="score-n">{d.n}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
