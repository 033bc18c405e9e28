import {
  approvalLabel, formatDate, formatNumber, kindLabel, managementLabel, npnruInterestLabel, npnruStageLabel, qpvLabel,
  territoryTypeLabel, yesNo,
} from '../lib/labels';
import type { Structure } from '../lib/types';

/** The public identity sheet: what the directory publishes, nothing from the answers. */
export function StructureIdentity({ s }: { s: Structure }) {
  const npnru = s.npnruStage && s.npnruStage !== 'none'
    ? `${npnruStageLabel(s.npnruStage)}${s.npnruInterest ? ` (${npnruInterestLabel(s.npnruInterest)})` : ''}`
    : npnruStageLabel('none');
  const flags = [s.travellers && 'Accueil des gens du voyage', s.multiSite && 'Multi-sites', s.itinerant && 'Itinérante'].filter(Boolean);
  return (
    <div className="identity">
      <section className="panel" aria-labelledby="id-identity">
        <h2 id="id-identity">Identité</h2>
        <dl className="facts">
          <dt>Type</dt><dd>{kindLabel(s.kind)}</dd>
          <dt>Mode de gestion</dt><dd>{managementLabel(s.management)}</dd>
          <dt>Adhérente à une fédération des centres sociaux</dt><dd>{yesNo(s.federationMember)}</dd>
          {s.siret && (<><dt>SIRET</dt><dd>{s.siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4')}</dd></>)}
          <dt>Premier agrément</dt><dd>{formatDate(s.firstApprovalOn)}</dd>
          <dt>Particularités</dt><dd>{flags.length ? flags.join(', ') : 'Aucune'}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="id-contact">
        <h2 id="id-contact">Adresse et contact</h2>
        <dl className="facts">
          <dt>Adresse</dt>
          <dd>{s.address && <>{s.address}<br /></>}{s.postalCode} {s.communeName}</dd>
          <dt>Commune</dt><dd>{s.communeName}{s.communePopulation ? ` (${formatNumber(s.communePopulation)} habitants)` : ''}</dd>
          <dt>Département</dt><dd>{s.departementName} ({s.departementCode})</dd>
          {s.email && (<><dt>Adresse e-mail</dt><dd><a href={`mailto:${s.email}`}>{s.email}</a></dd></>)}
          {s.website && (<><dt>Site internet</dt><dd>{/^https?:\/\//i.test(s.website)
            ? <a href={s.website} rel="noopener noreferrer">{s.website}</a> : s.website}</dd></>)}
        </dl>
      </section>
      <section className="panel" aria-labelledby="id-territory">
        <h2 id="id-territory">Territoire</h2>
        <dl className="facts">
          <dt>Type de territoire</dt><dd>{territoryTypeLabel(s.territoryType)}</dd>
          <dt>Quartier prioritaire (QPV)</dt><dd>{qpvLabel(s.qpvStatus)}</dd>
          <dt>Renouvellement urbain (NPNRU)</dt><dd>{npnru}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="id-approvals">
        <h2 id="id-approvals">Agréments CAF</h2>
        {s.approvals.length ? (
          <table className="table">
            <caption className="visually-hidden">Agréments de la structure et leurs dates</caption>
            <thead><tr><th scope="col">Agrément</th><th scope="col">Depuis le</th><th scope="col">Jusqu’au</th></tr></thead>
            <tbody>
              {s.approvals.map((a, i) => (
                <tr key={i}>
                  <th scope="row">{approvalLabel(a.kind)}</th><td>{formatDate(a.startsOn)}</td><td>{a.endsOn ? formatDate(a.endsOn) : 'Sans date de fin'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : <p>Aucun agrément enregistré.</p>}
      </section>
    </div>
  );
}
