import type { SnippetBlock, SnippetContext, SnippetOutcome } from './context';
import { afterStatement, executorReflection, fresh, goString, indent, usesOf, zerologChain } from './goCode';
import { loggerAt, wiringPoints, type WiringPoint } from './mainWiring';
import { TRACE_LINES } from '../../shared/instrumentationLines';

function runnerRoot(expr: string): string {
  return expr.split('.')[0];
}

/** The Fix G lines after one wiring point: per runner its executor type and whether a hybrid client is set. */
function fixGBlock(c: SnippetContext, p: WiringPoint): SnippetBlock | { skip: string } {
  const place = afterStatement(c, p.wiring);
  if ('skip' in place) return place;
  const logger = loggerAt(c, place.scope);
  const os = c.imports.use('os');
  const reflect = c.imports.use('reflect');
  const strings = c.imports.use('strings');
  const env = (v: string) => `${os}.Getenv(${goString(v)})`;
  const lines: string[] = [];
  const several = p.runners.length > 1;
  for (const runner of p.runners) {
    const typeVar = fresh(c, 'beaconExecutorType');
    const setVar = fresh(c, 'beaconHybridClientSet');
    lines.push(...executorReflection(runner, typeVar, setVar, reflect, strings));
    if (logger) {
      lines.push(
        ...zerologChain(
          logger,
          'Info',
          [
            ...(several ? [`Str("runner", ${goString(runner)})`] : []),
            `Str("executor_type", ${typeVar})`,
            `Bool("hybrid_client_set", ${setVar})`,
            `Bool("HYBRID_BASE_set", ${env('HYBRID_BASE')} != "")`,
            `Bool("HYBRID_ROUTER_URL_set", ${env('HYBRID_ROUTER_URL')} != "")`,
            `Str("ENABLE_HYBRID_DEFAULT", ${env('ENABLE_HYBRID_DEFAULT')})`,
            `Str("HYBRID_ROUTER_DISABLE", ${env('HYBRID_ROUTER_DISABLE')})`,
          ],
          TRACE_LINES.fixGWiring,
        ),
        `if !${setVar} {`,
        ...indent(zerologChain(logger, 'Error', [...(several ? [`Str("runner", ${goString(runner)})`] : []), `Str("executor_type", ${typeVar})`], '🚨 CRITICAL: no hybrid client set - jobs will not use the hybrid router')),
        '}',
      );
    } else {
      const fmt = c.imports.use('fmt');
      const who = several ? `runner=${runner} ` : '';
      lines.push(
        `${fmt}.Printf(${goString(`${TRACE_LINES.fixGPrefix} hybrid client wiring: ${who}executor_type=%s hybrid_client_set=%v HYBRID_BASE_set=%v HYBRID_ROUTER_URL_set=%v ENABLE_HYBRID_DEFAULT=%q HYBRID_ROUTER_DISABLE=%q\n`)}, ${typeVar}, ${setVar}, ${env('HYBRID_BASE')} != "", ${env('HYBRID_ROUTER_URL')} != "", ${env('ENABLE_HYBRID_DEFAULT')}, ${env('HYBRID_ROUTER_DISABLE')})`,
        `if !${setVar} {`,
        `\t${fmt}.Println(${goString(`${TRACE_LINES.fixGPrefix} 🚨 CRITICAL: no hybrid client set${several ? ` (runner ${runner})` : ''} - jobs will not use the hybrid router`)})`,
        '}',
      );
    }
  }
  const uses = usesOf([...p.runners.map((r) => [runnerRoot(r), `the job runner ${runnerRoot(r)}`] as [string, string]), [logger, 'the logger']]);
  return { ...place, lines, uses };
}

/**
 * Fix G after the hybrid wiring: logs what the wiring produced — the executor's type, whether a
 * hybrid client is set, which HYBRID_* variables are set — and an error when no hybrid client is set.
 * (`hybrid.New` never returns nil, so the plan's nil check would never fire.) It goes after the
 * statement holding the SetHybridClient calls, in the block that declares the runner — inside an
 * `if`, a closure or a helper when the runner lives there — so the runner is always in scope.
 */
export function hybridInitLogging(c: SnippetContext): SnippetOutcome {
  const points = wiringPoints(c);
  if (!Array.isArray(points)) {
    if (!('nearest' in points) || !points.nearest) return { skip: points.skip, ...('refused' in points ? { refused: true } : {}) };
    const block = fixGBlock(c, points.nearest.point);
    return 'skip' in block ? { skip: points.skip, refused: true } : { ...points, nearest: { plan: { blocks: [block] }, where: points.nearest.where } };
  }
  const blocks: SnippetBlock[] = [];
  for (const p of points) {
    const b = fixGBlock(c, p);
    if ('skip' in b) return b;
    blocks.push(b);
  }
  return { blocks };
}
