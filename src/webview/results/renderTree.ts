/** The decision tree drawn as a flow of questions, with the path the diagnosis took highlighted. */
import type { RunView, TreeNodeView } from '../../shared/runView';
import type { RenderContext } from './context';
import { h, icon, linkButton } from './dom';
import { disclosure, section } from './section';

function nodeCard(n: TreeNodeView, index: number, numberOf: Map<string, number>, goTo: (id: string) => void): HTMLElement {
  const cls = `tree-node${n.onPath ? ' on-path' : ' off-path'}${n.isEnd ? ' end' : ''}`;
  const branches = h('ul', { class: 'branches', attrs: { 'aria-label': `answers to question ${index + 1}` } });
  for (const b of n.branches) {
    const target =
      b.to.kind === 'cause'
        ? h('span', { class: 'to-cause' }, icon('debug-breakpoint-log'), ' ', b.to.title)
        : linkButton(`question ${numberOf.get(b.to.id) ?? b.to.id}`, () => goTo(b.to.id), { focusKey: `tree-go:${n.id}:${b.to.id}`, title: `Go to question ${numberOf.get(b.to.id) ?? b.to.id} (${b.to.id})` });
    branches.appendChild(
      h(
        'li',
        { class: `branch${b.taken ? ' taken' : ''}`, attrs: { 'aria-current': b.taken ? 'step' : undefined } },
        b.taken ? icon('arrow-right', 'taken') : icon('dash'),
        h('span', { class: 'branch-label' }, b.label),
        ' → ',
        target,
        b.note ? h('div', { class: 'branch-note muted' }, b.note) : null,
      ),
    );
  }
  return h(
    'li',
    { class: cls, attrs: { id: `tree-${n.id}`, tabindex: '-1', 'aria-label': `${n.onPath ? 'on the path: ' : ''}${n.question}` } },
    h('div', { class: 'tree-q' }, h('span', { class: 'tree-n' }, String(index + 1)), h('span', {}, n.question), n.needs.length ? h('span', { class: 'muted' }, ` (steps ${n.needs.join(', ')})`) : null),
    branches,
  );
}

export function renderTree(ctx: RenderContext, v: RunView): HTMLElement | null {
  const t = v.tree;
  if (!t) return null;
  const goTo = (id: string) => {
    const el = document.getElementById(`tree-${id}`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  };
  const numberOf = new Map(t.nodes.map((n, i) => [n.id, i + 1]));
  const flow = h('ol', { class: 'tree-flow' }, ...t.nodes.map((n, i) => nodeCard(n, i, numberOf, goTo)));
  return section(
    ctx,
    'tree',
    'Decision tree',
    t.outcome.text,
    h('p', { class: `tree-outcome outcome-${t.outcome.kind}` }, icon(t.outcome.kind === 'leaf' ? 'target' : t.outcome.kind === 'needs' ? 'debug-pause' : 'circle-slash'), ' ', t.outcome.text),
    flow,
    t.notes.length ? h('ul', { class: 'notes' }, ...t.notes.map((n) => h('li', {}, n))) : null,
    disclosure(ctx, 'tree:plan', false, ['The plan\'s tree, as the plan drew it'], () => [h('pre', { class: 'plan-tree' }, t.planText)], 'sub'),
    t.impossible.length
      ? disclosure(ctx, 'tree:impossible', false, [`Branches of the plan that cannot happen in this runner (${t.impossible.length})`], () => [
          h('ul', { class: 'notes' }, ...t.impossible.map((i) => h('li', {}, h('strong', {}, i.branch), ' — ', i.why))),
        ], 'sub')
      : null,
  );
}
