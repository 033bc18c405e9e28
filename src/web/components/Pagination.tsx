import { formatNumber } from '../lib/labels';

interface Props {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  /** Names the list, so two paginations on one page stay distinct for screen readers. */
  label: string;
}

/** Previous / next with the position in words; hidden when everything fits on one page. */
export function Pagination({ page, pageSize, total, onPage, label }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={`Pagination : ${label}`}>
      <button type="button" className="button button-secondary" onClick={() => onPage(page - 1)} disabled={page <= 1}>
        <span aria-hidden="true">← </span>Page précédente
      </button>
      <p>Page {formatNumber(page)} sur {formatNumber(pages)}</p>
      <button type="button" className="button button-secondary" onClick={() => onPage(page + 1)} disabled={page >= pages}>
        Page suivante<span aria-hidden="true"> →</span>
      </button>
    </nav>
  );
}
