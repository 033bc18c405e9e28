/**
 * Text encoding of an external CSV. Public data sets still come in Windows-1252 (Excel's « CSV (séparateur
 * point-virgule) ») as often as in UTF-8. Strict UTF-8 decoding decides: valid UTF-8 is UTF-8, anything
 * else is Windows-1252 (a superset of Latin-1 for printable text). A file already damaged by a wrong
 * conversion (« CrÃ©teil », « lâ€™») is refused: guessing back would store damaged names.
 */
export type TextEncodingName = 'utf-8' | 'windows-1252';

export type DecodedText =
  | { ok: true; text: string; encoding: TextEncodingName }
  | { ok: false; line: number; message: string };

// Sequences a UTF-8 accent becomes when read as Windows-1252 and saved again as UTF-8.
const mojibake = /Ã[\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ©¨ª«®¯´§¢£¤¥¦±²³¹º»¼½¾¿¡ ]|â€[™œ\u009d“”˜¦¢]|Â[\u00a0°«»]/;

// Node's TextDecoder('windows-1252') decodes 0x80–0x9F as Latin-1 control characters; the real table:
const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const part = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...part).replace(/[\u0080-\u009f]/g, (c) => high[c.charCodeAt(0) - 0x80]);
  }
  return out;
}

/**
 * Decodes the bytes of a CSV, or says on which line the text is already garbled.
 * @example decodeText(new TextEncoder().encode('nom\nCréteil')) // { ok: true, text: 'nom\nCréteil', encoding: 'utf-8' }
 * @example decodeText(Uint8Array.from([0x43, 0x72, 0xe9])) // { ok: true, text: 'Cré', encoding: 'windows-1252' }
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  let text: string;
  let encoding: TextEncodingName = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
    encoding = 'windows-1252';
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) return { ok: false, line: 1, message: 'Le fichier n’est pas un texte CSV (caractère nul) : enregistrez-le en CSV UTF-8 ou en XLSX.' };
  const lines = text.split(/\r?\n/);
  const bad = lines.findIndex((l) => mojibake.test(l));
  if (bad >= 0) {
    const sample = mojibake.exec(lines[bad])![0];
    return { ok: false, line: bad + 1, message: `Encodage abîmé : « ${sample} » à la place d’un caractère accentué (fichier converti deux fois). Ré-exportez le fichier d’origine en CSV UTF-8.` };
  }
  return { ok: true, text, encoding };
}
