import { api } from '../lib/api';
import { formatNumber } from '../lib/labels';
import { navigate, useLocation } from '../lib/router';
import { useApi } from '../lib/useApi';
import { Show } from '../components/Status';

/** The open data files of a campaign (GET /api/opendata/:year), with their Table Schemas. */
export function OpenDataPage() {
  const { search } = useLocation();
  const campaigns = useApi('campaigns', (signal) => api.get('/campaigns', undefined, signal));
  const years = campaigns.status === 'ok' ? campaigns.data.items.filter((c) => c.state !== 'preparation' && c.state !== 'open').map((c) => c.year).sort((a, b) => b - a) : [];
  const year = Number(search.get('annee')) || years[0];
  const list = useApi(year ? String(year) : null, (signal) => api.get(`/opendata/${year}`, undefined, signal));
  return (
    <>
      <h1>Données ouvertes</h1>
      <p className="lead">Les chiffres publiés par l’observatoire et l’annuaire des structures, en CSV, chacun décrit par un schéma
        (<a href="https://specs.frictionlessdata.io/table-schema/" hrefLang="en">Table Schema</a>). Les cases couvertes par le secret
        statistique ont une valeur vide et le statut « secret (règle) ». Toutes les parts sont des pourcentages de 0 à 100 (77 signifie
        77 %). Le fichier « Moyennes et parts » donne les centres sociaux et les espaces de vie sociale séparément, et ensemble.</p>
      {years.length > 1 && (
        <div className="field field-inline">
          <label htmlFor="od-year">Campagne</label>
          <select id="od-year" value={year} onChange={(e) => navigate(`/donnees-ouvertes?annee=${e.target.value}`, { replace: true })}>
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </div>
      )}
      <Show loaded={list} loadingText="Chargement des fichiers…">
        {(d) => (
          <div className="table-wrap">
            <table className="table">
              <caption>Fichiers de la campagne {d.year} — licence : <a href={d.licence.path}>{d.licence.title}</a></caption>
              <thead><tr><th scope="col">Fichier</th><th scope="col">Contenu</th><th scope="col">Lignes</th><th scope="col">Téléchargement</th></tr></thead>
              <tbody>
                {d.items.map((f) => (
                  <tr key={f.name}>
                    <th scope="row">{f.title}</th>
                    <td>{f.description}</td>
                    <td>{formatNumber(f.rows)}</td>
                    <td><a href={f.csv} download>CSV<span className="visually-hidden"> : {f.title}</span></a> · <a href={f.schema}>schéma<span className="visually-hidden"> : {f.title}</span></a></td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p><a href={d.datapackage}>datapackage.json</a> (description de l’ensemble, format Frictionless Data Package)</p>
            <p><a href={`/api/questionnaires/${d.year}/xlsform`} download>Questionnaire {d.year} au format XLSForm</a> (.xlsx : ODK Collect,
              KoboToolbox, Enketo ; les contrôles bloquants y sont des contraintes, les autres dans la feuille « rules »)</p>
          </div>
        )}
      </Show>
    </>
  );
}
