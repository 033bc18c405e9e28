import { describe, expect, it } from 'vitest';
import { fileNameOf, stepText } from './PdfDownload';

describe('PDF download progress', () => {
  it('takes the file name the server gives, or the fallback', () => {
    expect(fileNameOf('inline; filename="plaquette-2024-69.pdf"', 'x.pdf')).toBe('plaquette-2024-69.pdf');
    expect(fileNameOf("attachment; filename*=UTF-8''plaquette-r%C3%A9gion.pdf", 'x.pdf')).toBe('plaquette-région.pdf');
    expect(fileNameOf(null, 'x.pdf')).toBe('x.pdf');
  });

  it('says how long it has been preparing, then how much has arrived, in French', () => {
    expect(stepText({ kind: 'preparing', seconds: 0 })).toMatch(/^Préparation du document… /);
    expect(stepText({ kind: 'preparing', seconds: 1 })).toMatch(/^Préparation du document depuis 1 seconde…/);
    expect(stepText({ kind: 'preparing', seconds: 7 })).toMatch(/^Préparation du document depuis 7 secondes…/);
    expect(stepText({ kind: 'receiving', received: 300 * 1024, total: 1200 * 1024 })).toBe('Téléchargement : 300 ko sur 1\u202f200 ko');
    expect(stepText({ kind: 'receiving', received: 2048, total: null })).toBe('Téléchargement : 2 ko');
    expect(stepText({ kind: 'idle' })).toBe('');
  });
});
