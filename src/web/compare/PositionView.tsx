import { useMemo } from 'react';
import { boxplotDescription, boxplotHeight, boxplotOption } from '../../domain/charts/boxplot';
import { evolutionDescription, evolutionOption } from '../../domain/charts/evolution';
import { responseStateLabel } from '../lib/labels';
import { Link } from '../components/Link';
import { EChart } from './EChart';
import { cellOrWhy, closenessLabel, ownText, positionSentence, reasonLabels } from './labels';
import type { Neighbour, PositionAnswer } from './types';

const num = (v: number | boolean | null): number | null => (typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : null);

function groupTitle(p: PositionAnswer['peers']): string {
  if (p.kind === 'neighbours') return `ses ${p.size ?? ''} plus proches voisins`.replace('  ', ' ');
  if (p.kind === 'distance') return `les structures à moins de ${p.km} km`;
  return 'les structures qui partagent les caractéristiques choisies';
}

/** Box plots, sentences, evolution lines, each with its table. */
export function PositionView({ data }: { data: PositionAnswer }) {
  const numeric = data.indicators.filter((i) => i.unit !== 'yesno');
  const yesno = data.indicators.filter((i) => i.unit === 'yesno');
  const validated = data.ownState === 'validated' || data.ownState === 'locked';
  return (
    <>
      <section className="panel" aria-labelledby="position-title">
        <h2 id="position-title">Position en {data.year} parmi {groupTitle(data.peers)}</h2>
        {data.ownState && !validated && (
          <p className="alert alert-info">Votre réponse {data.year} est « {responseStateLabel(data.ownState).toLowerCase()} » : vos valeurs sont montrées, mais elles ne comptent dans les chiffres du groupe qu’une fois validées.</p>
        )}
        {!data.ownState && <p className="alert alert-info">Aucune réponse de cette structure pour {data.year}.</p>}
        {data.peers.kind === 'neighbours' && <NeighboursPanel neighbours={data.peers.neighbours} />}
        <ul className="sentences">
          {data.indicators.map((i) => <li key={i.code}><strong>{i.label}</strong> : {positionSentence(i)}</li>)}
        </ul>
        <div className="chart-grid">
          {numeric.map((i) => <BoxCard key={i.code} i={i} />)}
        </div>
        <div className="table-wrap">
          <table className="table position-table">
            <caption>Chiffres des graphiques : la structure et les quartiles publiés de son groupe ({data.year})</caption>
            <thead>
              <tr><th scope="col">Indicateur</th><th scope="col" className="num">Votre structure</th><th scope="col" className="num">1er quartile</th><th scope="col" className="num">Médiane</th><th scope="col" className="num">3e quartile</th><th scope="col" className="num">Structures du groupe</th></tr>
            </thead>
            <tbody>
              {numeric.map((i) => (
                <tr key={i.code}>
                  <th scope="row">{i.label}</th>
                  <td className="num">{ownText(i.value, i.unit)}</td>
                  <td className="num">{cellOrWhy(i.group.q1, i.unit)}</td>
                  <td className="num">{cellOrWhy(i.group.median, i.unit)}</td>
                  <td className="num">{cellOrWhy(i.group.q3, i.unit)}</td>
                  <td className="num">{cellOrWhy(i.group.count, 'count')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {yesno.length > 0 && (
            <table className="table">
              <caption>Actions menées : la réponse de la structure et la part de ses pairs qui les mènent ({data.year})</caption>
              <thead><tr><th scope="col">Indicateur</th><th scope="col">Votre structure</th><th scope="col" className="num">Part des pairs</th><th scope="col" className="num">Structures du groupe</th></tr></thead>
              <tbody>
                {yesno.map((i) => (
                  <tr key={i.code}><th scope="row">{i.label}</th><td>{ownText(i.value, i.unit)}</td><td className="num">{cellOrWhy(i.group.share, 'yesno')}</td><td className="num">{cellOrWhy(i.group.count, 'count')}</td></tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </section>
      <section className="panel" aria-labelledby="evolution-title">
        <h2 id="evolution-title">Évolution au fil des campagnes</h2>
        <p className="hint">Ligne pleine : la structure ; tirets : la médiane du groupe (la part des pairs pour les actions) ; bande claire : du 1er au 3e quartile du groupe. Une année sans chiffre publié reste vide, jamais à zéro.</p>
        <div className="chart-grid">
          {data.evolution.map((e) => {
            const i = data.indicators.find((x) => x.code === e.code)!;
            return <EvolutionCard key={e.code} label={i.label} unit={i.unit} years={e.years} />;
          })}
        </div>
      </section>
    </>
  );
}

function BoxCard({ i }: { i: PositionAnswer['indicators'][number] }) {
  const input = useMemo(() => ({ rows: [{ label: i.label, q1: i.group.q1, median: i.group.median, q3: i.group.q3, own: num(i.value) }], unit: i.unit, groupLabel: 'Pairs : du 1er au 3e quartile' }), [i]);
  const option = useMemo(() => boxplotOption(input), [input]);
  return (
    <figure className="chart-card boxplot-card" data-indicator={i.code}>
      <EChart option={option} height={boxplotHeight(1)} description={boxplotDescription(input)} />
    </figure>
  );
}

function EvolutionCard({ label, unit, years }: { label: string; unit: string; years: PositionAnswer['evolution'][number]['years'] }) {
  const input = useMemo(() => ({ label, unit, points: years.map((y) => ({ year: y.year, own: num(y.value), median: y.group, q1: y.q1, q3: y.q3 })), groupLabel: unit === 'yesno' ? 'Part des pairs' : undefined }), [label, unit, years]);
  const option = useMemo(() => evolutionOption(input), [input]);
  return (
    <figure className="chart-card">
      <figcaption><h3>{label}</h3></figcaption>
      <EChart option={option} height={240} description={evolutionDescription(input)} />
      <table className="table table-compact">
        <caption className="visually-hidden">{label} : la structure et son groupe, par année</caption>
        <thead>
          <tr>
            <th scope="col">Année</th><th scope="col" className="num">Votre structure</th><th scope="col" className="num">{unit === 'yesno' ? 'Part des pairs' : 'Médiane du groupe'}</th>
            {unit !== 'yesno' && <th scope="col" className="num">Quartiles du groupe</th>}
          </tr>
        </thead>
        <tbody>
          {years.map((y) => (
            <tr key={y.year}>
              <th scope="row">{y.year}</th><td className="num">{ownText(y.value, unit)}</td><td className="num">{cellOrWhy(y.group, unit)}</td>
              {unit !== 'yesno' && <td className="num">{y.q1?.state === 'value' && y.q3?.state === 'value' ? `${cellOrWhy(y.q1, unit)} à ${cellOrWhy(y.q3, unit)}` : cellOrWhy(y.q1?.state === 'value' ? y.q3 : y.q1, unit)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** Why each neighbour is similar, in words only: never its values. */
function NeighboursPanel({ neighbours }: { neighbours: Neighbour[] }) {
  return (
    <details className="neighbours">
      <summary>Pourquoi ces {neighbours.length} structures ? Le détail des ressemblances</summary>
      <p className="hint">Voisins choisis parmi les structures de même nature sur des informations publiques de l’annuaire seulement : taille de la commune, territoire urbain ou rural, QPV, renouvellement urbain, mode de gestion, adhésion à une fédération, agrément familles et département (jamais sur un budget ou un effectif, qui seraient ainsi dévoilés). Le groupe est figé pour toute la campagne.</p>
      <div className="table-wrap">
        <table className="table table-compact">
          <caption className="visually-hidden">Plus proches voisins et leurs ressemblances</caption>
          <thead><tr><th scope="col">Rang</th><th scope="col">Structure</th>{reasonLabels.map(([k, l]) => <th scope="col" key={k}>{l}</th>)}</tr></thead>
          <tbody>
            {neighbours.map((n) => (
              <tr key={n.id}>
                <td>{n.rank}</td>
                <th scope="row"><Link to={`/structures/${n.id}`}>{n.name}</Link> <span className="muted">({n.commune})</span></th>
                {reasonLabels.map(([k]) => <td key={k} className={`closeness closeness-${n.reasons[k] ?? 'unknown'}`}>{closenessLabel[n.reasons[k]] ?? '—'}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
