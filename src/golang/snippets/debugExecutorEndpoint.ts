import type { SnippetContext, SnippetOutcome } from './context';
import { afterStatement, alignedPairs, executorReflection, fresh, goString, indent } from './goCode';
import { GIN_PATH, ginEngine, mainWiring } from './mainWiring';

export const DEBUG_EXECUTOR_ENV = 'BEACON_DEBUG_EXECUTOR';

/**
 * Step 0.3 in `main`, after the SetHybridClient wiring (and after the gin engine exists):
 * GET /debug/executor, registered only when BEACON_DEBUG_EXECUTOR=1 and guarded by the admin token
 * when ADMIN_TOKEN is set. It reports only what is visible from main — the executor's dynamic type
 * and whether a hybrid client is set (found by reflection on the runner, by type); the hybrid base
 * URL is unexported in package hybrid and is not reported.
 */
export function debugExecutorEndpoint(c: SnippetContext): SnippetOutcome {
  const w = mainWiring(c);
  if ('skip' in w) return w;
  const engine = ginEngine(c);
  if (!engine) return { skip: 'no gin engine (gin.New() / gin.Default()) is declared at the top level of main' };
  const anchorStmt = engine.stmt.startIndex > w.wiring.startIndex ? engine.stmt : w.wiring;
  const place = afterStatement(c, anchorStmt);
  if ('skip' in place) return place;

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
    `\t${engine.name}.GET("/debug/executor", func(c *${gin}.Context) {`,
    `\t\tif ${token} := ${os}.Getenv("ADMIN_TOKEN"); ${token} != "" && ${subtle}.ConstantTimeCompare([]byte(c.GetHeader("Authorization")), []byte("Bearer "+${token})) != 1 {`,
    `\t\t\tc.JSON(401, ${gin}.H{"error": "unauthorized"})`,
    '\t\t\treturn',
    '\t\t}',
    ...indent(executorReflection(w.runner, typeVar, setVar, reflect, strings), 2),
    `\t\tc.JSON(200, ${gin}.H{`,
    ...indent(alignedPairs([['"executor_type"', typeVar], ['"hybrid_client_set"', setVar]]), 3),
    '\t\t})',
    '\t})',
  ];
  const enabled = `🔍 TRACE: debug endpoint GET /debug/executor enabled (${DEBUG_EXECUTOR_ENV}=1)`;
  if (w.logger) lines.push(`\t${w.logger}.Warn().Msg(${goString(enabled)})`);
  else lines.push(`\t${c.imports.use('fmt')}.Println(${goString(enabled)})`);
  lines.push('}');
  return { blocks: [{ at: place.at, base: place.base, lines }] };
}
