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
      {/* aria-disabled rather than disabled: a disabled button would drop the keyboard focus on the last page. */}
      <button type="button" className="button button-secondary" onClick={() => page > 1 && onPage(page - 1)} aria-disabled={page <= 1 || undefined}>
        <span aria-hidden="true">← </span>Page précédente
      </button>
      <p>Page {formatNumber(page)} sur {formatNumber(pages)}</p>
      <button type="button" className="button button-secondary" onClick={() => page < pages && onPage(page + 1)} aria-disabled={page >= pages || undefined}>
        Page suivante<span aria-hidden="true"> →</span>
      </button>
    </nav>
  );
}
