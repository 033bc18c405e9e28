import { apiUrl } from '../lib/api';

type Query = Record<string, string | number | undefined | null>;

/**
 * « Télécharger : CSV · XLSX » for a table an export route serves (src/http/routes/exports): plain links,
 * so the browser downloads with the session cookie and no script.
 * @example <DownloadLinks path="/exports/structures" query={filters} what="la liste des structures" />
 */
export function DownloadLinks({ path, query, what }: { path: string; query?: Query; what: string }) {
  return (
    <p className="download-links">
      Télécharger {what} :{' '}
      <a href={apiUrl(path, { ...query, format: 'csv' })} download>CSV<span className="visually-hidden"> ({what})</span></a>
      {' · '}
      <a href={apiUrl(path, { ...query, format: 'xlsx' })} download>XLSX (Excel)<span className="visually-hidden"> ({what})</span></a>
    </p>
  );
}
