import type { SnippetContext, SnippetOutcome } from './context';
import { afterStatement, executorReflection, fresh, goString, indent, zerologChain } from './goCode';
import { mainWiring } from './mainWiring';

/**
 * Fix G in `main`, after the hybrid wiring: logs what the wiring produced — the executor's type,
 * whether a hybrid client is set, which HYBRID_* variables are set — and an error when no hybrid
 * client is set. (`hybrid.New` never returns nil, so the plan's nil check would never fire.)
 */
export function hybridInitLogging(c: SnippetContext): SnippetOutcome {
  const w = mainWiring(c);
  if ('skip' in w) return w;
  const place = afterStatement(c, w.wiring);
  if ('skip' in place) return place;
  const os = c.imports.use('os');
  const reflect = c.imports.use('reflect');
  const strings = c.imports.use('strings');
  const typeVar = fresh(c, 'beaconExecutorType');
  const setVar = fresh(c, 'beaconHybridClientSet');
  const lines = executorReflection(w.runner, typeVar, setVar, reflect, strings);
  const env = (v: string) => `${os}.Getenv(${goString(v)})`;
  if (w.logger) {
    lines.push(
      ...zerologChain(
        w.logger,
        'Info',
        [
          `Str("executor_type", ${typeVar})`,
          `Bool("hybrid_client_set", ${setVar})`,
          `Bool("HYBRID_BASE_set", ${env('HYBRID_BASE')} != "")`,
          `Bool("HYBRID_ROUTER_URL_set", ${env('HYBRID_ROUTER_URL')} != "")`,
          `Str("ENABLE_HYBRID_DEFAULT", ${env('ENABLE_HYBRID_DEFAULT')})`,
          `Str("HYBRID_ROUTER_DISABLE", ${env('HYBRID_ROUTER_DISABLE')})`,
        ],
        '🔍 FIX_G: hybrid client wiring',
      ),
      `if !${setVar} {`,
      ...indent(zerologChain(w.logger, 'Error', [`Str("executor_type", ${typeVar})`], '🚨 CRITICAL: no hybrid client set - jobs will not use the hybrid router')),
      '}',
    );
  } else {
    const fmt = c.imports.use('fmt');
    lines.push(
      `${fmt}.Printf(${goString('[FIX_G] hybrid client wiring: executor_type=%s hybrid_client_set=%v HYBRID_BASE_set=%v HYBRID_ROUTER_URL_set=%v ENABLE_HYBRID_DEFAULT=%q HYBRID_ROUTER_DISABLE=%q\n')}, ${typeVar}, ${setVar}, ${env('HYBRID_BASE')} != "", ${env('HYBRID_ROUTER_URL')} != "", ${env('ENABLE_HYBRID_DEFAULT')}, ${env('HYBRID_ROUTER_DISABLE')})`,
      `if !${setVar} {`,
      `\t${fmt}.Println(${goString('[FIX_G] 🚨 CRITICAL: no hybrid client set - jobs will not use the hybrid router')})`,
      '}',
    );
  }
  return { blocks: [{ at: place.at, base: place.base, lines }] };
}
