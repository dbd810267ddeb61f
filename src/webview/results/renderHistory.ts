/** Past runs (newest first), picking one to show, and comparing two. */
import type { HistoryEntry, RunComparisonView } from '../../shared/runView';
import { percent, utcDateTime } from '../../shared/formatting';
import type { RenderContext } from './context';
import { button, h, icon } from './dom';
import { verdictIcon } from './icons';
import { section } from './section';

function describeEntry(e: HistoryEntry): string {
  const counts = Object.entries(e.counts)
    .filter(([, n]) => n)
    .map(([v, n]) => `${n} ${v}`)
    .join(', ');
  return `${utcDateTime(e.startedAt)} · ${e.environment} · ${e.label} · ${counts || 'no steps'}`;
}

function select(id: string, label: string, entries: HistoryEntry[], value: string): HTMLElement {
  const sel = h('vscode-single-select', { attrs: { id, 'aria-label': label } });
  for (const e of entries) {
    sel.appendChild(h('vscode-option', { attrs: { value: e.id, selected: e.id === value } }, describeEntry(e)));
  }
  return sel;
}

function comparison(c: RunComparisonView): HTMLElement {
  const verdicts = c.verdicts.length
    ? h(
        'table',
        { class: 'compare-table' },
        h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Step'), h('th', { attrs: { scope: 'col' } }, 'Before'), h('th', { attrs: { scope: 'col' } }, 'After'))),
        h(
          'tbody',
          {},
          ...c.verdicts.map((v) =>
            h(
              'tr',
              {},
              h('th', { attrs: { scope: 'row' } }, `${v.step} ${v.title}`),
              h('td', {}, v.before ? verdictIcon(v.before) : null, ` ${v.before ?? 'not run'}`),
              h('td', {}, v.after ? verdictIcon(v.after) : null, ` ${v.after ?? 'not run'}`),
            ),
          ),
        ),
      )
    : h('p', { class: 'muted' }, 'No verdict changed.');
  const show = (x: unknown) => (x === undefined ? 'unknown' : JSON.stringify(x));
  const facts = c.facts.length
    ? h(
        'table',
        { class: 'compare-table' },
        h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Fact'), h('th', { attrs: { scope: 'col' } }, 'Before'), h('th', { attrs: { scope: 'col' } }, 'After'))),
        h('tbody', {}, ...c.facts.map((f) => h('tr', {}, h('th', { attrs: { scope: 'row' }, class: 'mono' }, f.fact), h('td', { class: 'mono' }, show(f.before)), h('td', { class: 'mono' }, show(f.after))))),
      )
    : h('p', { class: 'muted' }, 'No fact changed.');
  const rc = (x: RunComparisonView['rootCause']['before']) => (x ? `${x.title} (${percent(x.probability)})` : 'not diagnosed');
  return h(
    'div',
    { class: 'comparison', attrs: { role: 'region', 'aria-label': 'comparison' } },
    h('h3', {}, `Compared: ${utcDateTime(c.before.startedAt)} → ${utcDateTime(c.after.startedAt)}`),
    h('p', {}, h('strong', {}, 'Root cause: '), rc(c.rootCause.before), ' → ', rc(c.rootCause.after), c.rootCause.changed ? h('span', { class: 'pill status-undetermined' }, 'changed') : h('span', { class: 'muted' }, ' (unchanged)')),
    h('h4', {}, `Verdicts that changed (${c.verdicts.length}; ${c.unchanged} unchanged)`),
    verdicts,
    h('h4', {}, `Facts that changed (${c.facts.length})`),
    facts,
  );
}

export function renderHistory(ctx: RenderContext, selectedId: string | null): HTMLElement {
  const entries = ctx.model.history;
  const list = h('ol', { class: 'history', attrs: { 'aria-label': 'past runs, newest first' } });
  for (const e of entries) {
    const current = e.id === selectedId;
    list.appendChild(
      h(
        'li',
        { class: `history-row${current ? ' current' : ''}`, attrs: { 'aria-current': current ? 'true' : undefined } },
        h('span', { class: 'history-when' }, utcDateTime(e.startedAt)),
        h('span', { class: 'history-env' }, e.environment, e.production ? h('span', { class: 'prod-badge' }, 'PROD') : null),
        h('span', { class: 'history-label' }, e.label),
        h('span', { class: 'history-cause' }, e.rootCause ? `${e.rootCause.title} (${percent(e.rootCause.probability)})` : 'not diagnosed'),
        current
          ? h('span', { class: 'muted' }, icon('eye'), ' shown')
          : button('Show', () => ctx.post({ type: 'selectRun', runId: e.id }), { secondary: true, focusKey: `history:${e.id}` }),
      ),
    );
  }
  const compare =
    entries.length >= 2
      ? h(
          'div',
          { class: 'compare-form' },
          h('label', { attrs: { for: 'compare-before' } }, 'Compare'),
          select('compare-before', 'earlier run', entries, ctx.model.compare?.before.id ?? entries[1].id),
          h('label', { attrs: { for: 'compare-after' } }, 'with'),
          select('compare-after', 'later run', entries, ctx.model.compare?.after.id ?? entries[0].id),
          button('Compare', () => {
            const before = (document.getElementById('compare-before') as unknown as { value: string } | null)?.value;
            const after = (document.getElementById('compare-after') as unknown as { value: string } | null)?.value;
            if (before && after) ctx.post({ type: 'compareRuns', before, after });
          }, { icon: 'diff', focusKey: 'compare' }),
        )
      : h('p', { class: 'muted' }, entries.length ? 'Two runs are needed to compare.' : 'No run saved yet.');
  return section(
    ctx,
    'history',
    'History',
    `${entries.length} run${entries.length === 1 ? '' : 's'}`,
    list,
    compare,
    ctx.model.compare ? comparison(ctx.model.compare) : null,
  );
}
