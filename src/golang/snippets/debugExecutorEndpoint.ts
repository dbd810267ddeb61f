import type { Node } from 'web-tree-sitter';
import { resolveAt } from '../scope';
import type { SnippetBlock, SnippetContext, SnippetOutcome } from './context';
import { afterStatement, alignedPairs, executorReflection, fresh, goString, indent, usesOf } from './goCode';
import { blockEndLine, GIN_PATH, ginEngines, loggerAt, packageNames, pointAfter, wiringPoints, type WiringPoint } from './mainWiring';
import { TRACE_LINES } from '../../shared/instrumentationLines';

export const DEBUG_EXECUTOR_ENV = 'BEACON_DEBUG_EXECUTOR';

function lineOf(n: Node): number {
  return n.startPosition.row + 1;
}

function within(n: Node, outer: Node): boolean {
  return n.startIndex >= outer.startIndex && n.endIndex <= outer.endIndex;
}

/** The endpoint's lines after `after`, registered on `engine`, reporting `runner`. */
function endpointBlock(c: SnippetContext, after: Node, engine: string, runner: string): SnippetBlock | { skip: string } {
  const place = afterStatement(c, after);
  if ('skip' in place) return place;
  const logger = loggerAt(c, place.scope);
  const gin = c.imports.use(GIN_PATH);
  const os = c.imports.use('os');
  const subtle = c.imports.use('crypto/subtle');
  const reflect = c.imports.use('reflect');
  const strings = c.imports.use('strings');
  const typeVar = fresh(c, 'executorType');
  const setVar = fresh(c, 'hybridClientSet');
  const token = fresh(c, 'token');
  const lines = [
    `// GET /debug/executor: off unless ${DEBUG_EXECUTOR_ENV}=1; needs "Authorization: Bearer $ADMIN_TOKEN" when ADMIN_TOKEN is set.`,
    `if ${os}.Getenv("${DEBUG_EXECUTOR_ENV}") == "1" {`,
    `\t${engine}.GET(${goString(TRACE_LINES.debugExecutorRoute)}, func(c *${gin}.Context) {`,
    `\t\tif ${token} := ${os}.Getenv("ADMIN_TOKEN"); ${token} != "" && ${subtle}.ConstantTimeCompare([]byte(c.GetHeader("Authorization")), []byte("Bearer "+${token})) != 1 {`,
    `\t\t\tc.JSON(401, ${gin}.H{"error": "unauthorized"})`,
    '\t\t\treturn',
    '\t\t}',
    ...indent(executorReflection(runner, typeVar, setVar, reflect, strings), 2),
    `\t\tc.JSON(200, ${gin}.H{`,
    ...indent(alignedPairs([['"executor_type"', typeVar], ['"hybrid_client_set"', setVar]]), 3),
    '\t\t})',
    '\t})',
  ];
  const enabled = `🔍 TRACE: debug endpoint GET /debug/executor enabled (${DEBUG_EXECUTOR_ENV}=1)`;
  if (logger) lines.push(`\t${logger}.Warn().Msg(${goString(enabled)})`);
  else lines.push(`\t${c.imports.use('fmt')}.Println(${goString(enabled)})`);
  lines.push('}');
  const root = runner.split('.')[0];
  return { ...place, lines, uses: usesOf([[root, `the job runner ${root}`], [engine, `the gin engine ${engine}`], [logger, 'the logger']]) };
}

/**
 * Step 0.3 after the SetHybridClient wiring, where both the runner and the gin engine are in scope:
 * GET /debug/executor, registered only when BEACON_DEBUG_EXECUTOR=1 and guarded by the admin token
 * when ADMIN_TOKEN is set. It reports only what is visible from main — the executor's dynamic type
 * and whether a hybrid client is set (found by reflection on the runner, by type); the hybrid base
 * URL is unexported in package hybrid and is not reported.
 */
export function debugExecutorEndpoint(c: SnippetContext): SnippetOutcome {
  const points = wiringPoints(c);
  if (!Array.isArray(points)) return { skip: points.skip, ...('refused' in points ? { refused: true } : {}) };
  if (points.length > 1) {
    return { skip: `the job runners are wired in different blocks (lines ${points.map((p) => lineOf(p.wiring)).join(', ')}): one /debug/executor endpoint cannot see them all`, refused: true };
  }
  const p: WiringPoint = points[0];
  const runner = p.runners[p.runners.length - 1];
  const root = runner.split('.')[0];
  const engines = ginEngines(c);
  if (!engines.length) return { skip: `no gin engine (gin.New() / gin.Default()) is declared in ${c.anchor.func.childForFieldName('name')?.text ?? 'main'}` };
  const names = packageNames(c);
  const seen = (e: { name: string; stmt: Node }, after: Node) => {
    const d = resolveAt(pointAfter(after), e.name, names);
    return d?.kind === 'local' && d.node.startIndex === e.stmt.startIndex;
  };
  // an engine in scope right after the wiring; else one declared later in the runner's block
  const visible = [...engines].reverse().find((e) => seen(e, p.wiring));
  const later = engines.find((e) => e.stmt.startIndex >= p.wiring.endIndex && within(e.stmt, p.block));
  if (!visible && later && later.stmt.parent?.startIndex === p.block.startIndex) {
    const block = endpointBlock(c, later.stmt, later.name, runner);
    return 'skip' in block ? block : { blocks: [block] };
  }
  if (visible) {
    const block = endpointBlock(c, p.wiring, visible.name, runner);
    return 'skip' in block ? block : { blocks: [block] };
  }
  if (later && later.stmt.parent) {
    // the engine lives in a block nested after the wiring: the runner is in scope there too
    const block = endpointBlock(c, later.stmt, later.name, runner);
    const skip = `the gin engine ${later.name} is declared in a block that ends at line ${blockEndLine(c, later.stmt.parent)}; insert it inside that block instead?`;
    return 'skip' in block ? { skip, refused: true } : { skip, refused: true, nearest: { plan: { blocks: [block] }, where: `inside the block that declares ${later.name}, after line ${lineOf(later.stmt)}` } };
  }
  const e = engines[engines.length - 1];
  return {
    skip: `the job runner ${root} is declared in a block that ends at line ${blockEndLine(c, p.block)}, and the gin engine ${e.name} (line ${lineOf(e.stmt)}) is not in scope there: no point sees both`,
    refused: true,
  };
}
