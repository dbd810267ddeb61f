/**
 * Walks the runbook's decision tree on facts. At each node the first branch whose condition holds
 * (the engine's `evaluateCondition`) is taken; the walk ends at a leaf (a cause), at a node whose
 * `needs` steps have not run yet (when the caller says which steps ran), or at a node where no
 * branch holds. Every step of the path records the facts its branch read, with their proofs.
 *
 * The tree also says where the plan's branch cannot happen in this runner: the data's
 * `impossible` list and the `realityNote` of the leaf's scenario are part of the result.
 */
import type { DecisionNode, Runbook } from '../runbook/schema';
import type { Facts } from '../engine/types';
import { evaluateCondition } from '../engine/conditions';
import { factLookup, proofsOf, type FactProof } from './factProof';

export interface TreeHop {
  node: string;
  question: string;
  branch: string;
  branchIndex: number;
  /** The facts the taken branch's condition read. */
  read: FactProof[];
  /** The next node, or null at a leaf. */
  next: string | null;
}

export interface TreeLeaf {
  kind: 'leaf';
  node: string;
  label: string;
  cause: string;
  scenario: string | null;
  fix: string | null;
  note: string | null;
}
export interface TreeNeeds {
  kind: 'needs';
  node: string;
  question: string;
  /** The node's `needs` steps that have not run yet, in the node's order. */
  steps: string[];
}
export interface TreeStuck {
  kind: 'stuck';
  node: string;
  question: string;
  /** Why the walk stopped: no branch holds, an unknown node, a cycle, or no tree at all. */
  reason: string;
  /** The facts every branch of the node read. */
  read: FactProof[];
}
export type TreeOutcome = TreeLeaf | TreeNeeds | TreeStuck;

export interface RealityNote {
  /** Where the note comes from: `branch <node>/<label>`, `scenario scn-f`, `impossible`. */
  source: string;
  text: string;
}

export interface TreeEvaluation {
  path: TreeHop[];
  outcome: TreeOutcome;
  /** Notes that apply to this path: the leaf's note and its scenario's reality note. */
  notes: RealityNote[];
  /** Branches of the plan's tree that cannot happen in this runner (always listed). */
  impossible: { branch: string; why: string }[];
}

export interface TreeOptions {
  /**
   * Steps that have run (whatever their verdict). When given, a node whose `needs` include a step
   * not in this set stops the walk with `needs`. Without it the tree is evaluated on the facts
   * alone, and the data's "could not be read" branches decide unknown facts.
   */
  ranSteps?: ReadonlySet<string>;
}

export function evaluateTree(runbook: Runbook, facts: Facts, opts: TreeOptions = {}): TreeEvaluation {
  const tree = runbook.decisionTree;
  const impossible = tree?.impossible ?? [];
  if (!tree) {
    return {
      path: [],
      outcome: { kind: 'stuck', node: '', question: '', reason: 'the runbook has no decision tree', read: [] },
      notes: [],
      impossible,
    };
  }
  const nodes = new Map<string, DecisionNode>(tree.nodes.map((n) => [n.id, n]));
  const lookup = factLookup(facts);
  const path: TreeHop[] = [];
  const visited = new Set<string>();
  let nodeId = tree.root;
  for (;;) {
    const node = nodes.get(nodeId);
    if (!node) {
      return done(path, { kind: 'stuck', node: nodeId, question: '', reason: `unknown decision node "${nodeId}"`, read: [] }, impossible, runbook);
    }
    if (visited.has(nodeId)) {
      return done(path, { kind: 'stuck', node: nodeId, question: node.question, reason: `the tree loops back to "${nodeId}"`, read: [] }, impossible, runbook);
    }
    visited.add(nodeId);
    if (opts.ranSteps) {
      const missing = node.needs.filter((s) => !opts.ranSteps!.has(s));
      if (missing.length) return done(path, { kind: 'needs', node: node.id, question: node.question, steps: missing }, impossible, runbook);
    }
    const index = node.branches.findIndex((b) => evaluateCondition(b.when, lookup));
    if (index < 0) {
      const read = dedupe(node.branches.flatMap((b) => proofsOf(facts, b.when)));
      return done(path, { kind: 'stuck', node: node.id, question: node.question, reason: 'no branch holds on the facts', read }, impossible, runbook);
    }
    const b = node.branches[index];
    path.push({
      node: node.id,
      question: node.question,
      branch: b.label,
      branchIndex: index,
      read: proofsOf(facts, b.when),
      next: b.next ?? null,
    });
    if (b.cause) {
      return done(
        path,
        { kind: 'leaf', node: node.id, label: b.label, cause: b.cause, scenario: b.scenario ?? null, fix: b.fix ?? null, note: b.note ?? null },
        impossible,
        runbook,
      );
    }
    nodeId = b.next!;
  }
}

function done(path: TreeHop[], outcome: TreeOutcome, impossible: TreeEvaluation['impossible'], runbook: Runbook): TreeEvaluation {
  const notes: RealityNote[] = [];
  if (outcome.kind === 'leaf') {
    if (outcome.note) notes.push({ source: `branch ${outcome.node}: ${outcome.label}`, text: outcome.note });
    const scenario = outcome.scenario ? runbook.scenarios.find((s) => s.id === outcome.scenario) : undefined;
    if (scenario?.realityNote) notes.push({ source: `scenario ${scenario.letter} (${scenario.id})`, text: scenario.realityNote });
  }
  return { path, outcome, notes, impossible };
}

function dedupe(proofs: FactProof[]): FactProof[] {
  const seen = new Set<string>();
  return proofs.filter((p) => (seen.has(p.fact) ? false : (seen.add(p.fact), true)));
}
