/**
 * Test support: derive the "lost diacritics" and "OCR noise" variants of a clean plan text.
 * Pure and deterministic (seeded), so a failing test can be replayed.
 */

/** Removes every diacritic but keeps the case: "Điện Biên Phủ" → "Dien Bien Phu". */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** mulberry32: a tiny seeded PRNG returning numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CIRCUMFLEX = '\u0302';
const HORN = '\u031b';
const BREVE = '\u0306';

function pick<T>(rand: () => number, options: Array<[number, T]>): T {
  let r = rand();
  for (const [p, v] of options) {
    if (r < p) return v;
    r -= p;
  }
  return options[options.length - 1][1];
}

/**
 * OCR-style noise like the real scans: ô/ố… → "6"/"0"/"o", ơ → "o", ư → "u"/"w", ê/ế… → "é"/"e"/"€",
 * đ → "d", Đ → "D"/"P", other marks dropped or kept at random, spaces between letters dropped (2 %)
 * or doubled (5 %). Digits and ASCII capitals (document symbols) are not touched.
 */
export function ocrNoise(text: string, seed: number): string {
  const rand = seededRandom(seed);
  let out = '';
  const chars = [...text.normalize('NFC')];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === ' ') {
      const between = /\p{L}/u.test(chars[i - 1] ?? '') && /\p{L}/u.test(chars[i + 1] ?? '');
      const r = rand();
      if (between && r < 0.02) continue;
      out += r > 0.95 ? '  ' : ' ';
      continue;
    }
    if (ch === 'đ') {
      out += 'd';
      continue;
    }
    if (ch === 'Đ') {
      out += pick(rand, [
        [0.5, 'D'],
        [0.5, 'P'],
      ]);
      continue;
    }
    const d = ch.normalize('NFD');
    if (d.length === 1) {
      out += ch;
      continue;
    }
    const base = d[0];
    const upper = base !== base.toLowerCase();
    const marks = d.slice(1);
    const lowerBase = base.toLowerCase();
    let noisy: string;
    if (lowerBase === 'o' && marks.includes(CIRCUMFLEX)) {
      noisy = pick(rand, [
        [0.3, '6'],
        [0.4, 'o'],
        [0.1, '0'],
        [0.2, 'ô'],
      ]);
    } else if (lowerBase === 'o' && marks.includes(HORN)) {
      noisy = pick(rand, [
        [0.7, 'o'],
        [0.3, 'ơ'],
      ]);
    } else if (lowerBase === 'u' && marks.includes(HORN)) {
      noisy = pick(rand, [
        [0.6, 'u'],
        [0.4, 'w'],
      ]);
    } else if (lowerBase === 'e' && marks.includes(CIRCUMFLEX)) {
      noisy = pick(rand, [
        [0.5, 'é'],
        [0.3, 'e'],
        [0.1, '€'],
        [0.1, 'ê'],
      ]);
    } else if (lowerBase === 'a' && (marks.includes(CIRCUMFLEX) || marks.includes(BREVE))) {
      noisy = pick(rand, [
        [0.6, 'a'],
        [0.2, 'á'],
        [0.2, '4'],
      ]);
    } else {
      noisy = pick(rand, [
        [0.7, base.toLowerCase()],
        [0.3, ch.toLowerCase()],
      ]);
    }
    out += upper && /\p{L}/u.test(noisy) ? noisy.toUpperCase() : noisy;
  }
  return out;
}
