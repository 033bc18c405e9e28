import { api } from '../lib/api';
import { formatNumber } from '../lib/labels';
import type { Departement, Progress, Region } from '../lib/types';
import { useApi } from '../lib/useApi';
import { Show } from './Status';

interface Row { code: string; name: string; progress: Progress }

const pct = (n: number, of: number) => (of ? `${Math.round((n / of) * 100)} %` : '—');

/** Progress of each region (for the nation) or each département (for a region), side by side. */
export function SubTerritoryProgress({ year, level, code }: { year: number; level: 'nation' | 'region'; code?: string }) {
  const loaded = useApi(JSON.stringify([year, level, code]), async (signal): Promise<Row[]> => {
    const childLevel = level === 'nation' ? 'region' : 'departement';
    const children: Array<Region | Departement> = level === 'nation'
      // The database sorts by bytes, which puts "Île-de-France" last; French order puts it among the I.
      ? (await api.get('/territories/regions', undefined, signal)).items.sort((a, b) => a.name.localeCompare(b.name, 'fr'))
      : (await api.get('/territories/departements', { region: code }, signal)).items;
    return Promise.all(children.map(async (t) => ({
      code: t.code, name: t.name,
      progress: await api.get(`/campaigns/${year}/progress`, { level: childLevel, code: t.code }, signal),
    })));
  });
  const what = level === 'nation' ? 'région' : 'département';
  return (
    <section aria-labelledby="sub-progress-title" className="panel">
      <h2 id="sub-progress-title">Avancement par {what}</h2>
      <Show loaded={loaded} loadingText={`Chargement de l’avancement par ${what}…`}>
        {(rows) => (
          <div className="table-wrap">
            <table className="table">
              <caption>Campagne {year} : réponses attendues, transmises et validées par {what}</caption>
              <thead>
                <tr>
                  <th scope="col">{level === 'nation' ? 'Région' : 'Département'}</th>
                  <th scope="col" className="num">Attendues</th><th scope="col" className="num">Transmises ou validées</th>
                  <th scope="col" className="num">Validées</th><th scope="col" className="num">Part validée</th>
                </tr>
              </thead>
              <tbody>
                {rows.filter((r) => r.progress.expected > 0).map(({ code: c, name, progress: p }) => {
                  const done = (p.byState.validated ?? 0) + (p.byState.locked ?? 0);
                  const sent = done + (p.byState.submitted ?? 0);
                  return (
                    <tr key={c}>
                      <th scope="row">{level === 'nation' ? name : `${name} (${c})`}</th>
                      <td className="num">{formatNumber(p.expected)}</td>
                      <td className="num">{formatNumber(sent)}</td>
                      <td className="num">{formatNumber(done)}</td>
                      <td className="num">{pct(done, p.expected)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Show>
    </section>
  );
}
