import {
  approvalLabel, formatDate, formatNumber, kindLabel, managementLabel, npnruInterestLabel, npnruStageLabel, qpvLabel,
  territoryTypeLabel, yesNo,
} from '../lib/labels';
import type { Structure } from '../lib/types';

/** The public identity sheet: what the directory publishes, nothing from the answers. */
export function StructureIdentity({ s }: { s: Structure }) {
  const npnru = s.npnru_stage && s.npnru_stage !== 'none'
    ? `${npnruStageLabel(s.npnru_stage)}${s.npnru_interest ? ` (${npnruInterestLabel(s.npnru_interest)})` : ''}`
    : npnruStageLabel('none');
  const flags = [s.travellers && 'Accueil des gens du voyage', s.multi_site && 'Multi-sites', s.itinerant && 'Itinérante'].filter(Boolean);
  return (
    <div className="identity">
      <section className="panel" aria-labelledby="id-identity">
        <h2 id="id-identity">Identité</h2>
        <dl className="facts">
          <dt>Type</dt><dd>{kindLabel(s.kind)}</dd>
          <dt>Mode de gestion</dt><dd>{managementLabel(s.management)}</dd>
          <dt>Adhérente à une fédération des centres sociaux</dt><dd>{yesNo(s.federation_member)}</dd>
          {s.siret && (<><dt>SIRET</dt><dd>{s.siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4')}</dd></>)}
          <dt>Premier agrément</dt><dd>{formatDate(s.first_approval_on)}</dd>
          <dt>Particularités</dt><dd>{flags.length ? flags.join(', ') : 'Aucune'}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="id-contact">
        <h2 id="id-contact">Adresse et contact</h2>
        <dl className="facts">
          <dt>Adresse</dt>
          <dd>{s.address && <>{s.address}<br /></>}{s.postal_code} {s.commune_name}</dd>
          <dt>Commune</dt><dd>{s.commune_name}{s.commune_population ? ` (${formatNumber(s.commune_population)} habitants)` : ''}</dd>
          <dt>Département</dt><dd>{s.departement_name} ({s.departement_code})</dd>
          {s.email && (<><dt>Adresse e-mail</dt><dd><a href={`mailto:${s.email}`}>{s.email}</a></dd></>)}
          {s.website && (<><dt>Site internet</dt><dd>{/^https?:\/\//i.test(s.website)
            ? <a href={s.website} rel="noopener noreferrer">{s.website}</a> : s.website}</dd></>)}
        </dl>
      </section>
      <section className="panel" aria-labelledby="id-territory">
        <h2 id="id-territory">Territoire</h2>
        <dl className="facts">
          <dt>Type de territoire</dt><dd>{territoryTypeLabel(s.territory_type)}</dd>
          <dt>Quartier prioritaire (QPV)</dt><dd>{qpvLabel(s.qpv_status)}</dd>
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
                  <th scope="row">{approvalLabel(a.kind)}</th><td>{formatDate(a.starts_on)}</td><td>{a.ends_on ? formatDate(a.ends_on) : 'Sans date de fin'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : <p>Aucun agrément enregistré.</p>}
      </section>
    </div>
  );
}
