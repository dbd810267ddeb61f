/**
 * What the lens model reads from a document's text. A plain string is one; so is a ChunkedText,
 * which a change event turns into the next version without copying the whole document.
 */
export interface TextSource {
  readonly length: number;
  slice(start: number, end?: number): string;
  indexOf(search: string, from?: number): number;
  lastIndexOf(search: string, from?: number): number;
}

const CHUNK = 8192;

function startsOf(chunks: readonly string[]): number[] {
  const starts = new Array<number>(chunks.length + 1);
  starts[0] = 0;
  for (let k = 0; k < chunks.length; k++) starts[k + 1] = starts[k] + chunks[k].length;
  return starts;
}

/** Appends `text` to `into` in pieces of CHUNK (the last one up to twice that). */
function split(text: string, into: string[]): void {
  let i = 0;
  for (; text.length - i > 2 * CHUNK; i += CHUNK) into.push(text.slice(i, i + CHUNK));
  into.push(text.slice(i));
}

/**
 * An immutable text kept in pieces of a few KB. `replace` copies the one or two pieces an edit
 * touches and the array of pieces — never the whole text — so a 20,000-line document follows a
 * keystroke in microseconds, and the old version stays valid for the syntax tree that was built
 * from it. Offsets are UTF-16 code units, like a JavaScript string's.
 */
export class ChunkedText implements TextSource {
  private constructor(private readonly chunks: readonly string[], private readonly starts: readonly number[]) {}

  static from(text: string): ChunkedText {
    const chunks: string[] = [];
    split(text, chunks);
    return new ChunkedText(chunks, startsOf(chunks));
  }

  get length(): number {
    return this.starts[this.chunks.length];
  }

  /** The piece holding offset `i` (the last one for `i` ≥ length). */
  private chunkIndex(i: number): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The text from `i` to the end of its piece ('' at the end): what a parser reads at a time. */
  chunkAt(i: number): string {
    if (i >= this.length) return '';
    const k = this.chunkIndex(i);
    return this.chunks[k].slice(i - this.starts[k]);
  }

  slice(start: number, end = this.length): string {
    const a = Math.max(0, Math.min(start, this.length));
    const b = Math.max(a, Math.min(end, this.length));
    const k0 = this.chunkIndex(a);
    const k1 = this.chunkIndex(b);
    if (k0 === k1) return this.chunks[k0].slice(a - this.starts[k0], b - this.starts[k0]);
    let out = this.chunks[k0].slice(a - this.starts[k0]);
    for (let k = k0 + 1; k < k1; k++) out += this.chunks[k];
    return out + this.chunks[k1].slice(0, b - this.starts[k1]);
  }

  indexOf(search: string, from = 0): number {
    const reach = search.length - 1;
    for (let k = this.chunkIndex(Math.max(0, from)); k < this.chunks.length; k++) {
      const base = this.starts[k];
      // the piece plus what a match starting in it may need from the next pieces
      const window = reach > 0 ? this.slice(base, this.starts[k + 1] + reach) : this.chunks[k];
      const i = window.indexOf(search, Math.max(0, from - base));
      if (i >= 0 && i < this.chunks[k].length) return base + i;
    }
    return -1;
  }

  lastIndexOf(search: string, from = Infinity): number {
    const last = Math.min(Math.max(from, 0), this.length - search.length);
    if (last < 0) return -1;
    for (let k = this.chunkIndex(last); k >= 0; k--) {
      const base = this.starts[k];
      const window = search.length > 1 ? this.slice(base, this.starts[k + 1] + search.length - 1) : this.chunks[k];
      const i = window.lastIndexOf(search, last - base);
      if (i >= 0) return base + i;
    }
    return -1;
  }

  /** The text with [start, end) replaced by `insert`; this one is left as it was. */
  replace(start: number, end: number, insert: string): ChunkedText {
    const k0 = this.chunkIndex(start);
    let k1 = this.chunkIndex(end);
    let merged = this.chunks[k0].slice(0, start - this.starts[k0]) + insert + this.chunks[k1].slice(end - this.starts[k1]);
    // a piece that got small takes in the next one, so pieces stay few
    if (merged.length < CHUNK / 2 && k1 + 1 < this.chunks.length) merged += this.chunks[++k1];
    const chunks = this.chunks.slice(0, k0);
    if (merged.length || this.chunks.length === 1) split(merged, chunks);
    for (let k = k1 + 1; k < this.chunks.length; k++) chunks.push(this.chunks[k]);
    if (!chunks.length) chunks.push('');
    return new ChunkedText(chunks, startsOf(chunks));
  }

  equals(text: string): boolean {
    if (text.length !== this.length) return false;
    for (let k = 0; k < this.chunks.length; k++) if (!text.startsWith(this.chunks[k], this.starts[k])) return false;
    return true;
  }

  toString(): string {
    return this.chunks.join('');
  }
}
