import type { TextSource } from './chunkedText';

/**
 * The names a lens can hang on. A name is only a candidate position (found with indexOf); the
 * syntax tree decides whether it is the method, receiver or call the plan means.
 */
export const ANCHOR_NAMES = ['executeQuestion', 'HybridExecutor', 'RunInference', 'SetHybridClient'] as const;
export const MARKER_PREFIX = '// beacon-debug:';
const NAMES: readonly string[] = [...ANCHOR_NAMES, MARKER_PREFIX];

/** The cheap test run before any parse: could this text hold an anchor or a marker? */
export function mayHaveAnchorsOrMarkers(text: string): boolean {
  for (const name of ANCHOR_NAMES) if (text.includes(name)) return true;
  return text.includes(MARKER_PREFIX);
}

/** Offsets where `name` starts in `text`, from `from` on, ascending. */
export function occurrences(text: TextSource, name: string, from = 0): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(name, from); i >= 0; i = text.indexOf(name, i + name.length)) out.push(i);
  return out;
}

/** A replacement: [start, oldEnd) of the old text became [start, newEnd) of the new one. */
export interface Span {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * Where each anchor name and the marker prefix occur in one version of a text. The next version's
 * table comes from the edit (`edited`): offsets after it shift, and only the text around it is
 * searched again — no pass over the whole document per keystroke.
 */
export class NameOccurrences {
  private constructor(private readonly at: ReadonlyMap<string, readonly number[]>) {}

  static scan(text: TextSource): NameOccurrences {
    return new NameOccurrences(new Map(NAMES.map((n) => [n, occurrences(text, n)])));
  }

  /** Offsets of `name` (an anchor name or the marker prefix), ascending. */
  of(name: string): readonly number[] {
    const at = this.at.get(name);
    if (!at) throw new Error(`not a tracked name: ${name}`);
    return at;
  }

  /** False when the text holds no anchor name and no marker (the pre-check). */
  get any(): boolean {
    for (const at of this.at.values()) if (at.length) return true;
    return false;
  }

  /** The table of `next`, the text after `span` replaced part of this table's text. */
  edited(span: Span, next: TextSource): NameOccurrences {
    const delta = span.newEnd - span.oldEnd;
    const at = new Map<string, readonly number[]>();
    for (const [name, old] of this.at) {
      const out: number[] = [];
      let k = 0;
      for (; k < old.length && old[k] + name.length <= span.start; k++) out.push(old[k]);
      // matches that overlap the new text, searched in a window around it
      const from = Math.max(0, span.start - name.length + 1);
      const window = next.slice(from, span.newEnd + name.length - 1);
      for (let i = window.indexOf(name); i >= 0; i = window.indexOf(name, i + name.length)) {
        if (from + i + name.length > span.start && from + i < span.newEnd) out.push(from + i);
      }
      for (; k < old.length; k++) if (old[k] >= span.oldEnd) out.push(old[k] + delta);
      at.set(name, out);
    }
    return new NameOccurrences(at);
  }
}
