/**
 * Download file names for Content-Disposition: a cleaned Unicode name for `filename*` (RFC 5987 /
 * RFC 6266) and an ASCII fallback for `filename`, safe against header injection and path tricks.
 */

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
const MAX_LENGTH = 150;

/** Vietnamese → ASCII: diacritics dropped, đ/Đ → d/D. */
function toAscii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** Shortens the stem, keeping the extension. */
function limit(name: string, max: number): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return (
    [...name.slice(0, name.length - ext.length)]
      .slice(0, max - ext.length)
      .join('')
      .trimEnd() + ext
  );
}

function clean(name: string): string {
  const out = name
    .normalize('NFC')
    .replace(/\p{Cc}/gu, ' ') // control characters, CR/LF included
    .replace(/[/\\:]/g, '-') // "05/QĐ-SYT" → "05-QĐ-SYT"
    .replace(/[<>"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, ''); // no hidden files, no trailing dots (Windows)
  const safe = WINDOWS_RESERVED.test(out) ? `_${out}` : out;
  return limit(safe || 'tai-lieu', MAX_LENGTH);
}

/** RFC 5987 ext-value: UTF-8, percent-encoded outside attr-char. */
function encodeRfc5987(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export interface DownloadName {
  /** Cleaned Unicode name: "Quyết định 05-QĐ-SYT.docx". */
  filename: string;
  /** ASCII fallback: "Quyet dinh 05-QD-SYT.docx". */
  ascii: string;
  /** The whole header value: attachment; filename="…"; filename*=UTF-8''… */
  contentDisposition: string;
}

export function safeDownloadName(
  name: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): DownloadName {
  const filename = clean(name);
  const ascii = clean(toAscii(filename).replace(/[^\x20-\x7e]/g, '_')).replace(/[%;,\\']/g, '_');
  return {
    filename,
    ascii,
    contentDisposition: `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(filename)}`,
  };
}
