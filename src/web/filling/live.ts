import { useEffect, useRef } from 'react';
import { api, apiUrl } from '../lib/api';
import type { LiveEvent, PresenceEntry } from './types';

const HEARTBEAT_MS = 15_000;
const EVENTS = ['presence', 'answer', 'comment', 'state'] as const;

/**
 * Follows a response live (Server-Sent Events) and tells the others which section this page is on:
 * at once, on every section change and every 15 s. `onReconnect` runs when the stream comes back
 * after a cut, to catch up on what was missed meanwhile.
 */
export function useLive(
  responseId: number,
  section: string | null,
  handlers: { onEvent: (e: LiveEvent) => void; onPresence: (people: PresenceEntry[]) => void; onReconnect: () => void },
): void {
  const h = useRef(handlers);
  h.current = handlers;

  useEffect(() => {
    let source: EventSource | undefined;
    let broken = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      source = new EventSource(apiUrl(`/responses/${responseId}/live`), { withCredentials: true });
      for (const type of EVENTS) {
        source.addEventListener(type, (m) => {
          try { h.current.onEvent(JSON.parse((m as MessageEvent<string>).data) as LiveEvent); } catch { /* malformed event: ignore */ }
        });
      }
      source.onopen = () => { if (broken) { broken = false; h.current.onReconnect(); } };
      source.onerror = () => {
        broken = true;
        // The browser retries by itself unless the stream was closed for good (e.g. a 4xx): then we do.
        if (source?.readyState === EventSource.CLOSED) { source.close(); retry = setTimeout(open, 5000); }
      };
    };
    open();
    const reconnect = () => { if (source?.readyState === EventSource.CLOSED) { clearTimeout(retry); open(); } };
    window.addEventListener('online', reconnect);
    return () => { window.removeEventListener('online', reconnect); clearTimeout(retry); source?.close(); };
  }, [responseId]);

  useEffect(() => {
    let stopped = false;
    const beat = () => {
      api.post(`/responses/${responseId}/presence`, { section })
        .then((r) => { if (!stopped) h.current.onPresence(r.people); }, () => { /* offline: the next beat tries again */ });
    };
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    return () => { stopped = true; clearInterval(timer); };
  }, [responseId, section]);
}
