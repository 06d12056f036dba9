/**
 * The pdfmake 0.3 server singleton, configured for this project: Tinos registered as "Times",
 * no remote URLs, local file access only to the Tinos font directory.
 *
 * pdfmake keeps fonts and access policies in process-wide state; this module is the one place
 * that sets them. Add fonts here (not with `setFonts` elsewhere) so nothing is overwritten.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { TINOS } from '../fonts';

type PdfMake = typeof import('pdfmake');
// pdfmake is CommonJS (`module.exports = new pdfmake()`); require it so the instance's methods are
// reachable under both Node ESM and Vitest.
const pdfmake = createRequire(import.meta.url)('pdfmake') as PdfMake;

let configured = false;

function configure(): void {
  if (configured) return;
  pdfmake.addFonts({
    Times: { normal: TINOS.normal, bold: TINOS.bold, italics: TINOS.italics, bolditalics: TINOS.bolditalics },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  const fontDir = path.resolve(TINOS.dir) + path.sep;
  pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(fontDir));
  configured = true;
}

/** Renders a pdfmake document definition to PDF bytes. */
export function renderPdfmake(definition: TDocumentDefinitions): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(definition).getBuffer();
}
