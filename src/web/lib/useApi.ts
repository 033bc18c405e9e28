import { useEffect, useState } from 'react';
import { ApiError } from './api';

export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  /** `refreshing`: these are the previous results, newer ones are on their way. */
  | { status: 'ok'; data: T; refreshing?: boolean };

/**
 * Loads data for a view and reloads when `key` changes (null: load nothing); stale answers of an
 * earlier key are aborted so a slow request can never overwrite a newer one.
 *
 * `keepPrevious` shows the previous results while the next page loads, so the pagination buttons stay
 * in place and keyboard focus is not lost when the table is replaced.
 */
export function useApi<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>, opts: { keepPrevious?: boolean } = {}): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  useEffect(() => {
    if (key === null) {
      setState({ status: 'loading' });
      return;
    }
    const ctl = new AbortController();
    setState((old) => (opts.keepPrevious && old.status === 'ok' ? { ...old, refreshing: true } : { status: 'loading' }));
    load(ctl.signal).then(
      (data) => { if (!ctl.signal.aborted) setState({ status: 'ok', data }); },
      (e: unknown) => {
        if (ctl.signal.aborted) return;
        setState({ status: 'error', error: e instanceof ApiError ? e : new ApiError(0, 'internal', 'Une erreur inattendue est survenue.') });
      },
    );
    return () => ctl.abort();
    // `load` is a fresh closure each render; `key` names what it loads.
  }, [key]);
  return state;
}
