import { createHash } from 'node:crypto';
import { renderOfficialDocx } from './docx/official';
import { canonicalJson, MIME, matchesSeal, sealDocument } from './record';
import { sampleDecision } from './testing';

// Rendering and the poppler/LibreOffice tools are slow on a loaded 2-core machine; these are
// generous guards against hangs, not timing assertions.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined properties', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined }, e: null })).toBe(
      '{"a":{"d":[3,{"y":2,"z":1}]},"b":1,"e":null}',
    );
  });

  it('is stable across key order and Unicode normalisation', () => {
    const nfc = { name: 'Nguyễn Thị Hằng', place: 'Điện Biên' };
    const nfd = { place: 'Điện Biên'.normalize('NFD'), name: 'Nguyễn Thị Hằng'.normalize('NFD') };
    expect(canonicalJson(nfd)).toBe(canonicalJson(nfc));
    expect(canonicalJson(nfd)).toBe('{"name":"Nguyễn Thị Hằng","place":"Điện Biên"}');
  });

  it('writes Dates as ISO strings and refuses values JSON would change silently', () => {
    expect(canonicalJson({ at: new Date(Date.UTC(2026, 1, 5)) })).toBe('{"at":"2026-02-05T00:00:00.000Z"}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/n/);
    expect(() => canonicalJson({ m: new Map() })).toThrow(/Map at m/);
    expect(() => canonicalJson({ list: [1, 10n] })).toThrow(/list\[1\]/);
  });
});

describe('sealDocument', () => {
  it('records sha256, template version, canonical input and size', async () => {
    const doc = sampleDecision(3);
    const bytes = await renderOfficialDocx(doc);
    const sealed = sealDocument({ templateVersion: doc.templateVersion, input: doc, bytes, mime: MIME.docx });
    expect(sealed).toEqual({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      templateVersion: 'qd-khen-thuong@1',
      inputSnapshot: canonicalJson(doc),
      size: bytes.length,
      mime: MIME.docx,
    });
    expect(sealed.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(sealed.inputSnapshot).documentNumber).toBe('05/QĐ-SYT');
    expect(matchesSeal(sealed, bytes)).toBe(true);
    const tampered = Buffer.from(bytes);
    tampered[tampered.length - 1] ^= 1;
    expect(matchesSeal(sealed, tampered)).toBe(false);
  });

  it('refuses an empty document or a missing template version', () => {
    expect(() =>
      sealDocument({ templateVersion: 'x@1', input: {}, bytes: Buffer.alloc(0), mime: MIME.pdf }),
    ).toThrow();
    expect(() =>
      sealDocument({ templateVersion: ' ', input: {}, bytes: Buffer.from('x'), mime: MIME.pdf }),
    ).toThrow();
  });
});
