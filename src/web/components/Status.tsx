import type { ReactNode } from 'react';
import type { ApiError } from '../lib/api';
import type { Loaded } from '../lib/useApi';

/** The API's French message, announced at once by screen readers. */
export function ErrorAlert({ error }: { error: ApiError | string }) {
  return <div className="alert alert-error" role="alert">{typeof error === 'string' ? error : error.message}</div>;
}

export function Loading({ what = 'Chargement…' }: { what?: string }) {
  return <p className="loading" role="status">{what}</p>;
}

/** Renders loading, error or the data, so every view handles the three cases the same way. */
export function Show<T>({ loaded, children, loadingText }: { loaded: Loaded<T>; children: (data: T) => ReactNode; loadingText?: string }) {
  if (loaded.status === 'loading') return <Loading what={loadingText} />;
  if (loaded.status === 'error') return <ErrorAlert error={loaded.error} />;
  // aria-busy tells assistive technologies the content is about to change (previous results shown).
  return <div aria-busy={loaded.refreshing || undefined}>{children(loaded.data)}</div>;
}
