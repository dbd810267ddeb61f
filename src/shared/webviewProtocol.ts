/**
 * The results page's protocol: every message between the extension host and the webview, typed
 * once and validated with zod on both ends. The page starts with `ready`; until then the host sends
 * nothing. The page can only ask for the actions of `PageMessage` — it never runs anything itself:
 * `applyFix` makes the host show its modal confirmation, exports go through the host's dialogs.
 * Anything else, or anything malformed, is dropped and logged by the receiver.
 *
 * Browser-safe: imported by the page bundle (`src/webview/results`) and by the host.
 */
import * as z from 'zod';
import { HistoryEntry, RunComparisonView, RunView, StepView, ViewVerdict } from './runView';

/** A saved run's id, or `live` for the run in progress. */
export const RunIdRef = z.string().regex(/^(?:live|[A-Za-z0-9][A-Za-z0-9_.-]{0,79})$/);
const StepIdRef = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);

// ---------------------------------------------------------------- host → page

export const InitMessage = z.object({
  type: z.literal('init'),
  /** The run shown; null when there is no run yet (`emptyText` says what to do). */
  view: RunView.nullable(),
  history: z.array(HistoryEntry),
  emptyText: z.string().max(2000).nullable(),
}).strict();

/** Steps of the live run that changed since the last update. */
export const RunUpdateMessage = z.object({
  type: z.literal('runUpdate'),
  runId: RunIdRef,
  running: z.boolean(),
  counts: z.partialRecord(ViewVerdict, z.number().int().nonnegative()),
  steps: z.array(StepView),
}).strict();

export const HistoryMessage = z.object({
  type: z.literal('history'),
  entries: z.array(HistoryEntry),
}).strict();

export const CompareMessage = z.object({
  type: z.literal('compare'),
  result: RunComparisonView,
}).strict();

/** A short status line on the page (e.g. "Report copied", "oldest run dropped"). */
export const NoticeMessage = z.object({
  type: z.literal('notice'),
  level: z.enum(['info', 'warning', 'error']),
  text: z.string().max(2000),
}).strict();

export const HostMessage = z.discriminatedUnion('type', [InitMessage, RunUpdateMessage, HistoryMessage, CompareMessage, NoticeMessage]);
export type HostMessage = z.infer<typeof HostMessage>;
export type InitMessage = z.infer<typeof InitMessage>;
export type RunUpdateMessage = z.infer<typeof RunUpdateMessage>;

// ---------------------------------------------------------------- page → host

const runOnly = { runId: RunIdRef };

export const PageMessage = z.discriminatedUnion('type', [
  /** The page's script is running and listening: the host may send `init`. */
  z.object({ type: z.literal('ready') }).strict(),
  /** Open the plan's text of a step in an editor. */
  z.object({ type: z.literal('openStep'), step: StepIdRef }).strict(),
  /** Ask the host to apply a fix: the host confirms with a modal dialog first. */
  z.object({ type: z.literal('applyFix'), ...runOnly, fix: StepIdRef }).strict(),
  /** Run again the steps of a run that failed or could not run. */
  z.object({ type: z.literal('rerunFailed'), ...runOnly }).strict(),
  /** Write the incident report to a file the user picks. */
  z.object({ type: z.literal('exportReport'), ...runOnly }).strict(),
  /** Put the incident report on the clipboard. */
  z.object({ type: z.literal('copyReport'), ...runOnly }).strict(),
  /** Show a run of the history. */
  z.object({ type: z.literal('selectRun'), ...runOnly }).strict(),
  /** Compare two runs of the history. */
  z.object({ type: z.literal('compareRuns'), before: RunIdRef, after: RunIdRef }).strict(),
  /** Open a check's whole output in an editor. */
  z.object({ type: z.literal('showAllOutput'), ...runOnly, step: StepIdRef, check: StepIdRef }).strict(),
]);
export type PageMessage = z.infer<typeof PageMessage>;
export type PageAction = Exclude<PageMessage['type'], 'ready'>;

/** What the page keeps through `setState` (a hidden tab, a window reload). */
export const PageState = z.object({
  selectedRunId: RunIdRef.nullable(),
  /** `step:<id>` / `check:<step>/<id>` / section ids that the user opened. */
  expanded: z.array(z.string().max(200)).max(500),
  scrollY: z.number().nonnegative().max(10_000_000),
}).strict();
export type PageState = z.infer<typeof PageState>;

// ---------------------------------------------------------------- decoding

export type Decoded<T> = { ok: true; message: T } | { ok: false; error: string };

function describe(raw: unknown): string {
  if (raw && typeof raw === 'object' && 'type' in raw && typeof (raw as { type: unknown }).type === 'string') {
    return `"${String((raw as { type: string }).type).slice(0, 40)}"`;
  }
  return raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw;
}

function decode<T>(schema: z.ZodType<T>, raw: unknown): Decoded<T> {
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, message: r.data };
  const issue = r.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  return { ok: false, error: `dropped message ${describe(raw)}: ${issue?.message ?? 'invalid'}${where}`.slice(0, 300) };
}

/** Host side: a message from the page, or why it was dropped. */
export function decodePageMessage(raw: unknown): Decoded<PageMessage> {
  return decode(PageMessage, raw);
}

/** Page side: a message from the host, or why it was dropped. */
export function decodeHostMessage(raw: unknown): Decoded<HostMessage> {
  return decode(HostMessage, raw);
}

export function decodePageState(raw: unknown): PageState | undefined {
  const r = PageState.safeParse(raw);
  return r.success ? r.data : undefined;
}
