import type { Node, Tree } from 'web-tree-sitter';
import type { TextSource } from './chunkedText';
import { blockSum, isBlockSum } from './blockSum';
import { MARKER_PREFIX, occurrences, type NameOccurrences } from './nameOccurrences';
import { isStepId, STEP_IDS, type StepId } from './steps';
import { firstOnLine, lastOnLine, renderLines } from './textStyle';

/**
 * Marker ids besides the plan's steps: a generic entry/exit trace and a call-site trace, placed by the
 * same machinery in any function (the corpus test puts them into Go code nobody here wrote).
 */
export const TRACE_IDS = ['trace-entry', 'trace-call'] as const;
export type TraceId = (typeof TRACE_IDS)[number];
export type MarkerId = StepId | TraceId;
export const MARKER_IDS: readonly MarkerId[] = [...STEP_IDS, ...TRACE_IDS];

export function isMarkerId(s: string): s is MarkerId {
  return isStepId(s) || (TRACE_IDS as readonly string[]).includes(s);
}

/** `// beacon-debug:begin <step>` … `// beacon-debug:end <step>`: these exact words, tools grep for them. */
export function beginMarker(step: MarkerId): string {
  return `${MARKER_PREFIX}begin ${step}`;
}
/** With `sum` (see blockSum.ts) the end marker records what the block held when it was inserted. */
export function endMarker(step: MarkerId, sum?: string): string {
  return `${MARKER_PREFIX}end ${step}${sum ? ' ' + sum : ''}`;
}

/**
 * A marked block: the begin marker, the body (template lines as `renderLines` takes them) and the end
 * marker carrying the body's sum. `base`/`unit`/`eol` as for `renderLines`.
 */
export function renderBlock(step: MarkerId, body: readonly string[], base: string, unit: string, eol: string): string {
  const text = renderLines(body, base, unit, eol);
  const lines = text.split(eol);
  lines.pop();
  return renderLines([beginMarker(step)], base, unit, eol) + text + renderLines([endMarker(step, blockSum(lines))], base, unit, eol);
}
/** Inside a block that changed a signature: the text the block replaced, JSON-quoted. */
export const WAS_PREFIX = `${MARKER_PREFIX}was `;
/**
 * Next to a `was` line whose text gofmt would rewrite: that text as gofmt writes it. Removal uses it
 * once the file has been formatted (the `was` line then lost the extra space insertion put before it).
 */
export const GOFMT_PREFIX = `${MARKER_PREFIX}gofmt `;

export interface MarkerComment {
  kind: 'begin' | 'end';
  /** As written (may be an unknown step id). */
  step: string;
  node: Node;
  /** 0-based line. */
  line: number;
  /** On an end marker written by this version: what the block held (blockSum.ts). */
  sum?: string;
}

export interface MarkerBlock {
  step: MarkerId;
  begin: Node;
  end: Node;
  /** Absent on blocks written before sums existed: those are removed unchecked. */
  sum?: string;
}

export interface MarkerProblem {
  step: string;
  line: number;
  reason: string;
}

export interface MarkerScan {
  markers: MarkerComment[];
  blocks: MarkerBlock[];
  problems: MarkerProblem[];
}

/**
 * Marker comments are comment nodes (never text inside strings), alone on their line. `names`, when
 * given, hold where the marker prefix occurs in `text`, so the text is not searched again.
 */
export function scanMarkers(tree: Tree, text: TextSource, names?: NameOccurrences): MarkerScan {
  const root = tree.rootNode;
  const markers: MarkerComment[] = [];
  const problems: MarkerProblem[] = [];
  for (const i of names ? names.of(MARKER_PREFIX) : occurrences(text, MARKER_PREFIX)) {
    const node = root.descendantForIndex(i, i + MARKER_PREFIX.length);
    if (!node || node.type !== 'comment' || node.startIndex !== i) continue;
    const body = node.text.slice(MARKER_PREFIX.length).trimEnd();
    const m = /^(begin|end) (\S+)(?: (\S+))?$/.exec(body);
    if (!m || (m[3] !== undefined && (m[1] !== 'end' || !isBlockSum(m[3])))) continue; // `was` lines and prose
    const line = node.startPosition.row;
    if (!firstOnLine(text, node.startIndex) || !lastOnLine(text, node.endIndex)) {
      problems.push({ step: m[2], line, reason: `marker on line ${line + 1} shares its line with code` });
      continue;
    }
    markers.push({ kind: m[1] as 'begin' | 'end', step: m[2], node, line, ...(m[3] ? { sum: m[3] } : {}) });
  }

  const blocks: MarkerBlock[] = [];
  let open: MarkerComment | undefined;
  for (const mk of markers) {
    if (!isMarkerId(mk.step)) {
      problems.push({ step: mk.step, line: mk.line, reason: `unknown step "${mk.step}" on line ${mk.line + 1}` });
      continue;
    }
    if (mk.kind === 'begin') {
      if (open) {
        problems.push({ step: open.step, line: open.line, reason: `begin ${open.step} on line ${open.line + 1} has no end before line ${mk.line + 1}` });
      }
      open = mk;
    } else if (!open || open.step !== mk.step) {
      problems.push({ step: mk.step, line: mk.line, reason: `end ${mk.step} on line ${mk.line + 1} has no matching begin` });
      open = undefined;
    } else {
      blocks.push({ step: mk.step, begin: open.node, end: mk.node, ...(mk.sum ? { sum: mk.sum } : {}) });
      open = undefined;
    }
  }
  if (open) problems.push({ step: open.step, line: open.line, reason: `begin ${open.step} on line ${open.line + 1} has no end` });
  return { markers, blocks, problems };
}
