import { createHash } from 'node:crypto';

/**
 * What an inserted block looked like, kept on its end marker (`// beacon-debug:end 2.1 #<sum>`), so
 * that removal can tell the lines it inserted from lines a user typed into the block since.
 *
 * `#` + 8 characters (a hash of the whole body) + `.` + 2 characters per non-blank body line (a
 * hash of that line). Lines are compared without their blanks, so gofmt re-indenting or aligning a
 * block is no edit; blank lines do not count (gofmt drops some).
 */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const SUM = /^#([A-Za-z0-9_-]{8})\.((?:[A-Za-z0-9_-]{2})*)$/;

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

/** The line as compared: without any blank (spaces, tabs, the line terminator). */
export function normalizeLine(line: string): string {
  return line.replace(/\s+/g, '');
}

function lineHash(normalized: string): string {
  const d = digest(normalized);
  return B64[d[0] >> 2] + B64[((d[0] & 3) << 4) | (d[1] >> 4)];
}

function bodyHash(normalized: readonly string[]): string {
  return digest(normalized.join('\n')).toString('base64url').slice(0, 8);
}

/** The non-blank lines of a body, normalized. */
function significant(lines: readonly string[]): string[] {
  return lines.map(normalizeLine).filter((l) => l !== '');
}

/** The sum for a block body (its lines, without the marker lines). */
export function blockSum(bodyLines: readonly string[]): string {
  const n = significant(bodyLines);
  return `#${bodyHash(n)}.${n.map(lineHash).join('')}`;
}

export function isBlockSum(s: string): boolean {
  return SUM.test(s);
}

export interface BodyCheck {
  /** The body is what was inserted (up to blanks). */
  clean: boolean;
  /** Indexes (into the given lines) of lines that were not inserted: typed or changed by someone. */
  foreign: number[];
  /** Inserted lines no longer there. */
  missing: number;
}

/**
 * Compares a block's body with its sum: which lines are not among the inserted ones (a longest
 * common subsequence of the line hashes, so lines typed between inserted ones are found wherever
 * they are).
 */
export function checkBody(bodyLines: readonly string[], sum: string): BodyCheck {
  const m = SUM.exec(sum);
  if (!m) return { clean: false, foreign: bodyLines.map((_, i) => i), missing: 0 };
  const expected: string[] = [];
  for (let i = 0; i < m[2].length; i += 2) expected.push(m[2].slice(i, i + 2));
  const idx: number[] = [];
  const hashes: string[] = [];
  const normalized: string[] = [];
  bodyLines.forEach((l, i) => {
    const n = normalizeLine(l);
    if (n === '') return;
    idx.push(i);
    normalized.push(n);
    hashes.push(lineHash(n));
  });
  if (bodyHash(normalized) === m[1]) return { clean: true, foreign: [], missing: 0 };
  // LCS table over the two hash sequences
  const a = hashes.length;
  const b = expected.length;
  const t = Array.from({ length: a + 1 }, () => new Uint16Array(b + 1));
  for (let i = a - 1; i >= 0; i--) {
    for (let j = b - 1; j >= 0; j--) t[i][j] = hashes[i] === expected[j] ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
  }
  const foreign: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a && j < b) {
    if (hashes[i] === expected[j]) {
      i++;
      j++;
    } else if (t[i + 1][j] >= t[i][j + 1]) foreign.push(idx[i++]);
    else j++;
  }
  while (i < a) foreign.push(idx[i++]);
  return { clean: false, foreign, missing: b - t[0][0] };
}
