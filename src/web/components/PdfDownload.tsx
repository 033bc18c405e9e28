import { useEffect, useRef, useState } from 'react';
import { formatNumber, plural } from '../lib/labels';

type Step =
  | { kind: 'idle' }
  | { kind: 'preparing'; seconds: number }
  | { kind: 'receiving'; received: number; total: number | null }
  | { kind: 'done'; name: string }
  | { kind: 'error'; message: string };

/** The file name the server gives in Content-Disposition, or a fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i);
  if (star) return decodeURIComponent(star[1]);
  const plain = disposition?.match(/filename="?([^";]+)"?/i);
  return plain ? plain[1] : fallback;
}

/** What the person reads while the file is made, then received: seconds waited, then kilobytes. */
export function stepText(step: Step): string {
  switch (step.kind) {
    case 'preparing': return `Préparation du document${step.seconds > 0 ? ` depuis ${plural(step.seconds, 'seconde', 'secondes')}` : ''}… (une quinzaine de secondes au plus pour un grand territoire)`;
    case 'receiving': return `Téléchargement : ${formatNumber(Math.round(step.received / 1024))} ko${step.total ? ` sur ${formatNumber(Math.round(step.total / 1024))} ko` : ''}`;
    case 'done': return `Document prêt : ${step.name}.`;
    case 'error': return step.message;
    default: return '';
  }
}

/**
 * A PDF made on demand (a plaquette takes seconds): the button says how long it has been preparing, then how
 * much has arrived, then hands the file to the browser — never a silent link that seems to do nothing.
 */
export function PdfDownload({ href, label, fallbackName }: { href: string; label: string; fallbackName: string }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const busy = step.kind === 'preparing' || step.kind === 'receiving';
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  async function download() {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    const started = Date.now();
    setStep({ kind: 'preparing', seconds: 0 });
    const timer = setInterval(() => setStep((s) => (s.kind === 'preparing' ? { kind: 'preparing', seconds: Math.round((Date.now() - started) / 1000) } : s)), 1000);
    try {
      const res = await fetch(href, { signal: controller.signal, credentials: 'same-origin' });
      clearInterval(timer);
      if (!res.ok || !res.body) {
        const body = await res.json().catch(() => null) as { error?: { message?: string } } | null;
        setStep({ kind: 'error', message: body?.error?.message ?? `Le document n’a pas pu être préparé (erreur ${res.status}).` });
        return;
      }
      const total = Number(res.headers.get('content-length')) || null;
      const reader = res.body.getReader();
      const parts: Uint8Array[] = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        received += value.byteLength;
        setStep({ kind: 'receiving', received, total });
      }
      const name = fileNameOf(res.headers.get('content-disposition'), fallbackName);
      const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type: 'application/pdf' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setStep({ kind: 'done', name });
    } catch (e) {
      clearInterval(timer);
      if (controller.signal.aborted) return;
      setStep({ kind: 'error', message: e instanceof Error && e.name === 'TypeError' ? 'Réseau indisponible : le document n’a pas pu être téléchargé.' : 'Le document n’a pas pu être téléchargé.' });
    }
  }

  return (
    <span className="pdf-download">
      <button type="button" className="button button-secondary" onClick={download} aria-busy={busy || undefined} disabled={busy}>
        {busy ? 'Préparation…' : label}
      </button>
      <span role="status" className={step.kind === 'error' ? 'pdf-download-status alert-error' : 'pdf-download-status hint'}>{stepText(step)}</span>
    </span>
  );
}
