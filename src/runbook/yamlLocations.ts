/**
 * Where a field of a runbook file is: an error path (`phases[0].steps[1].checks[0].probe`) or a
 * step id mapped to the line and columns of the YAML (or JSON) node, so that editors can underline
 * it. A path into a field that is not there points at the nearest parent that is.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';

export interface TextRange {
  /** 0-based. */
  startLine: number;
  startCol: number;
  endLine: number;
  endCol: number;
}

/** `phases[0].steps[1].id` → ['phases', 0, 'steps', 1, 'id']. */
export function parseIssuePath(p: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of p.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

export class YamlLocator {
  private readonly lines = new LineCounter();
  private readonly doc;

  constructor(readonly text: string) {
    this.doc = parseDocument(text, { lineCounter: this.lines, keepSourceTokens: false });
  }

  private range(start: number, end: number): TextRange {
    const a = this.lines.linePos(start);
    const b = this.lines.linePos(Math.max(start, end));
    return { startLine: a.line - 1, startCol: a.col - 1, endLine: b.line - 1, endCol: b.col - 1 };
  }

  /** The node at `path` (or its nearest parent), as the key's range for a map entry. */
  locate(path: readonly (string | number)[]): TextRange {
    let node: unknown = this.doc.contents;
    let best: [number, number] = [0, Math.min(this.text.length, this.text.indexOf('\n') < 0 ? this.text.length : this.text.indexOf('\n'))];
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(seg));
        if (!pair) break;
        const key = pair.key as YamlNode;
        if (key.range) best = [key.range[0], key.range[1]];
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as YamlNode | undefined;
        if (!item) break;
        if (item.range) best = [item.range[0], Math.min(item.range[1], lineEnd(this.text, item.range[0]))];
        node = item;
      } else break;
    }
    return this.range(best[0], best[1]);
  }

  /** Where the step with this id is declared (its `id:` value), if anywhere. */
  locateStep(stepId: string): TextRange | undefined {
    const contents = this.doc.contents;
    if (!isMap(contents)) return undefined;
    const groups: (string | number)[][] = [['quickWins', 'steps']];
    const phases = contents.get('phases', true);
    if (isSeq(phases)) phases.items.forEach((_, i) => groups.push(['phases', i, 'steps']));
    for (const g of groups) {
      const seq = this.doc.getIn(g, true);
      if (!isSeq(seq)) continue;
      for (let i = 0; i < seq.items.length; i++) {
        const item = seq.items[i];
        if (isMap(item) && String(item.get('id')) === stepId) return this.locate([...g, i, 'id']);
      }
    }
    return undefined;
  }
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i < 0 ? text.length : i;
}
