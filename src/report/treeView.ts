/**
 * The runbook's decision tree as the page draws it: every node in walk order (breadth first from
 * the root), each branch pointing at the next question or at a cause, with the path the diagnosis
 * took marked.
 */
import type { Runbook } from '../runbook/schema';
import type { DiagnosisSnapshot } from './diagnosisSnapshot';
import type { TreeNodeView, TreeView } from '../shared/runView';

export function buildTreeView(runbook: Runbook, diagnosis: DiagnosisSnapshot | null): TreeView | null {
  const tree = runbook.decisionTree;
  if (!tree) return null;
  const byId = new Map(tree.nodes.map((n) => [n.id, n]));
  const order: string[] = [];
  const queue = [tree.root];
  while (queue.length) {
    const nodeId = queue.shift()!;
    if (order.includes(nodeId) || !byId.has(nodeId)) continue;
    order.push(nodeId);
    for (const b of byId.get(nodeId)!.branches) if (b.next) queue.push(b.next);
  }
  // nodes no branch leads to still belong to the drawing
  for (const n of tree.nodes) if (!order.includes(n.id)) order.push(n.id);

  const path = diagnosis?.tree.path ?? [];
  const taken = new Map(path.map((h) => [h.node, h.branchIndex]));
  const end = diagnosis?.tree.outcome.node ?? null;
  const causeTitle = (id: string) => runbook.causes.find((c) => c.id === id)?.title ?? id;

  const nodes: TreeNodeView[] = order.map((nodeId) => {
    const n = byId.get(nodeId)!;
    return {
      id: n.id,
      question: n.question,
      needs: [...n.needs],
      onPath: taken.has(n.id) || end === n.id,
      isEnd: end === n.id,
      branches: n.branches.map((b, i) => ({
        label: b.label,
        taken: taken.get(n.id) === i,
        to: b.next ? { kind: 'node' as const, id: b.next } : { kind: 'cause' as const, id: b.cause!, title: causeTitle(b.cause!) },
        note: b.note ?? null,
      })),
    };
  });

  const o = diagnosis?.tree.outcome;
  const outcome = !o
    ? { kind: 'stuck' as const, node: '', text: 'Not diagnosed: the tree was not walked for this run.' }
    : o.kind === 'leaf'
      ? { kind: o.kind, node: o.node, text: `Ends at ${o.cause ? causeTitle(o.cause) : o.text} (${o.text})` }
      : o.kind === 'needs'
        ? { kind: o.kind, node: o.node, text: `Stopped at "${o.text}": needs step${o.steps.length > 1 ? 's' : ''} ${o.steps.join(', ')}` }
        : { kind: o.kind, node: o.node, text: `Stopped${o.node ? ` at ${o.node}` : ''}: ${o.text}` };

  return {
    nodes,
    outcome,
    planText: tree.planText,
    impossible: tree.impossible.map((i) => ({ branch: i.branch, why: i.why })),
    notes: (diagnosis?.tree.notes ?? []).map((n) => `${n.source}: ${n.text}`),
  };
}
