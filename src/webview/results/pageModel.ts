/** What the page holds: the run shown, the history, the last comparison, and the user's view state. */
import type { HistoryEntry, RunComparisonView, RunView } from '../../shared/runView';
import type { HostMessage, PageState } from '../../shared/webviewProtocol';

export interface Highlight {
  step: string;
  check: string | null;
  line: string | null;
}

export interface PageModel {
  view: RunView | null;
  emptyText: string | null;
  history: HistoryEntry[];
  compare: RunComparisonView | null;
  notice: { level: 'info' | 'warning' | 'error'; text: string } | null;
  expanded: Set<string>;
  highlight: Highlight | null;
  /** Whether `init` arrived (before that the page shows "Loading…"). */
  initialised: boolean;
  /** The state the page started with (a hidden tab shown again, a window reload), kept until `init` arrives. */
  restored: PageState | undefined;
}

export function initialModel(saved: PageState | undefined): PageModel {
  return {
    view: null,
    emptyText: null,
    history: [],
    compare: null,
    notice: null,
    expanded: new Set(saved?.expanded ?? []),
    highlight: null,
    initialised: false,
    restored: saved,
  };
}

/** Applies a host message; returns whether the page must be drawn again. */
export function applyHostMessage(m: PageModel, msg: HostMessage): boolean {
  switch (msg.type) {
    case 'init':
      if (m.view?.runId !== msg.view?.runId) m.highlight = null;
      m.view = msg.view;
      m.history = msg.history;
      m.emptyText = msg.emptyText;
      m.initialised = true;
      if (m.compare && !msg.history.some((e) => e.id === m.compare!.after.id)) m.compare = null;
      return true;
    case 'runUpdate': {
      const v = m.view;
      if (!v || v.runId !== msg.runId) return false;
      const byId = new Map(msg.steps.map((s) => [s.id, s]));
      for (const g of v.groups) g.steps = g.steps.map((s) => byId.get(s.id) ?? s);
      v.counts = msg.counts;
      v.live = msg.running;
      return true;
    }
    case 'history':
      m.history = msg.entries;
      return true;
    case 'compare':
      m.compare = msg.result;
      m.expanded.add('section:history');
      return true;
    case 'notice':
      m.notice = { level: msg.level, text: msg.text };
      return true;
  }
}

/**
 * What the page stores through `setState`. Until `init` arrives the page shows no run and is not
 * scrolled: it keeps the run and the scroll position it was restored with, so that a reload before
 * `init` (or the workbench storing the state then) does not lose them.
 */
export function pageState(m: PageModel, scrollY: number): PageState {
  if (!m.initialised && m.restored) return { ...m.restored, expanded: [...m.expanded].slice(-500) };
  return {
    selectedRunId: m.view && !m.view.live ? m.view.runId : null,
    expanded: [...m.expanded].slice(-500),
    scrollY: Math.max(0, Math.min(scrollY, 10_000_000)),
  };
}
