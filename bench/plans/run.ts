/**
 * Benchmark: reading plan documents (issue 4, item 10 — plan part). Pure CPU, no database.
 *
 *   npm run bench:plans                                   # writes bench/results/<date>-plans.json
 *   options: --iterations 200 --warmup 30 --out bench/results
 *
 * For each fixture text (the three real plans of /work/shared/fixtures/plans, copies in
 * src/domain/plans/parse/__fixtures__, our own clean plan, and that plan stripped of diacritics),
 * measured sequentially after warm-up, one call per sample:
 *  - `read`: parsePlanText + draftFromParsed — what POST /api/plans/import does before the database;
 *  - floor `fold`: foldVi over the same text once (NFD, strip marks, lower case, collapse spaces) — the
 *    least any diacritic-insensitive reader must do;
 *  - floor `prepare`: preparePlanText — the reader's own three aligned copies (raw, folded, OCR-repaired)
 *    and its line index, i.e. the part of `read` that does not search.
 * Plus `docx`: the Sở's demo-like plan rendered by the NĐ 30 DOCX renderer, then read back
 * (unzip + word/document.xml → text + read), the path of an uploaded .docx.
 * Reported: median (p50), p90, min, mean in ms, and read/fold, read/prepare ratios.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { draftFromParsed, emptyPlanContent } from '../../src/domain/plans/model';
import { parsePlanText } from '../../src/domain/plans/parse/index';
import { preparePlanText } from '../../src/domain/plans/parse/text';
import { foldVi } from '../../src/domain/text/vietnamese';
import { renderOfficialDocx } from '../../src/server/documents/docx/official';
import { buildPlanDocument } from '../../src/server/modules/plans/plans.document';
import { extractPlanText } from '../../src/server/modules/plans/plans.files';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const ITERATIONS = Number(opt('iterations', '200'));
const WARMUP = Number(opt('warmup', '30'));
const OUT = opt('out', 'bench/results');

const FIXTURES = path.resolve(import.meta.dirname, '../../src/domain/plans/parse/__fixtures__');

interface Timing {
  iterations: number;
  p50: number;
  p90: number;
  mean: number;
  min: number;
}

function summarize(ms: number[]): Timing {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    iterations: s.length,
    p50: r(at(50)),
    p90: r(at(90)),
    mean: r(s.reduce((a, b) => a + b, 0) / s.length),
    min: r(s[0]!),
  };
}

async function measure(fn: () => unknown | Promise<unknown>, iterations = ITERATIONS): Promise<Timing> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return summarize(times);
}

const stripDiacritics = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

async function main() {
  const texts: { name: string; text: string }[] = [
    'kh-252-ttyt-dien-bien-phu-2025.ocr.txt',
    'kh-3764-syt-ha-noi-2025.ocr.txt',
    'kh-cdc-lai-chau-2025.txt',
    'kh-118-bvt-quang-ngai-2025.txt',
  ].map((name) => ({ name, text: fs.readFileSync(path.join(FIXTURES, name), 'utf8') }));
  texts.push({
    name: 'kh-118-bvt-quang-ngai-2025.txt (no diacritics)',
    text: stripDiacritics(texts[3]!.text),
  });

  const results = [];
  for (const { name, text } of texts) {
    const read = await measure(() => draftFromParsed(parsePlanText(text)));
    const fold = await measure(() => foldVi(text), ITERATIONS * 5);
    const prepare = await measure(() => preparePlanText(text));
    const draft = draftFromParsed(parsePlanText(text));
    const row = {
      fixture: name,
      chars: text.length,
      lines: text.split('\n').length,
      recognisedFields: draft.recognised.length,
      read,
      floorFold: fold,
      floorPrepare: prepare,
      readOverFold: Math.round((read.p50 / fold.p50) * 10) / 10,
      readOverPrepare: Math.round((read.p50 / prepare.p50) * 10) / 10,
      charsPerMs: Math.round(text.length / read.p50),
    };
    results.push(row);
    console.log(
      `${name.padEnd(50)} ${String(text.length).padStart(6)} chars  read p50 ${read.p50.toFixed(2)} ms (p90 ${read.p90.toFixed(2)})  fold ${fold.p50.toFixed(3)} ms  prepare ${prepare.p50.toFixed(2)} ms  read/fold ${row.readOverFold}×  read/prepare ${row.readOverPrepare}×`,
    );
  }

  // an uploaded .docx: rendered by our NĐ 30 renderer from the Hà Nội draft, then read back
  const hn = draftFromParsed(parsePlanText(texts[1]!.text)).content;
  const docxBytes = await renderOfficialDocx(
    buildPlanDocument({
      content: { ...emptyPlanContent(), ...hn, place: 'Điện Biên', signerName: 'Lò Văn Hùng' },
      documentNumber: '234/KH-SYT',
      symbol: 'KH-SYT',
      draft: false,
      orgHeaderName: 'Sở Y tế tỉnh Điện Biên',
      orgParentHeaderName: 'UBND TỈNH ĐIỆN BIÊN',
      today: '2025-08-08',
    }),
  );
  const docxText = await extractPlanText('ke-hoach.docx', docxBytes);
  const docx = {
    bytes: docxBytes.length,
    textChars: docxText.length,
    extract: await measure(() => extractPlanText('ke-hoach.docx', docxBytes), Math.round(ITERATIONS / 2)),
    extractAndRead: await measure(
      async () => draftFromParsed(parsePlanText(await extractPlanText('ke-hoach.docx', docxBytes))),
      Math.round(ITERATIONS / 2),
    ),
  };
  console.log(
    `docx (${docx.bytes} bytes) extract p50 ${docx.extract.p50.toFixed(2)} ms, extract + read p50 ${docx.extractAndRead.p50.toFixed(2)} ms`,
  );

  const date = new Date().toISOString().slice(0, 10);
  const out = {
    date,
    benchmark: 'plans: reading plan documents',
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    iterations: ITERATIONS,
    warmup: WARMUP,
    unit: 'ms per call (sequential, one call per sample)',
    fixtures: results,
    docx,
  };
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${date}-plans.json`);
  fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`written ${file}`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
