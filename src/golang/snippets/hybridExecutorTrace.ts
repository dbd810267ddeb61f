import { field, params, typeBaseName, usable } from '../syntax';
import type { SnippetContext, SnippetOutcome } from './context';
import { atBodyTop, fresh, indent, isContextParam, loggingImportPath, resultsOf, usesOf, zerologChain } from './goCode';
import { TRACE_LINES } from '../../shared/instrumentationLines';

/**
 * Step 2.3 in `HybridExecutor.Execute`: an entry trace with the receiver's real name and, when the
 * client field is nil, a failed return through the function's own results. It reads only what the
 * worker package can see (the plan's `e.Client.BaseURL` does not exist: the base URL is unexported
 * in package hybrid).
 */
export function hybridExecutorTrace(c: SnippetContext): SnippetOutcome {
  const func = c.anchor.func;
  const place = atBodyTop(c, func);
  if ('skip' in place) return place;
  const ps = params(field(func, 'parameters'));
  const ctx = ps.find(isContextParam)?.name;
  if (!usable(ctx)) return { skip: 'HybridExecutor.Execute has no named context.Context parameter' };
  const spec = ps.find((p) => typeBaseName(p.type) === 'JobSpec')?.name;
  const region = ps.find((p) => p.type.type === 'type_identifier' && p.type.text === 'string')?.name;
  const recv = params(field(func, 'receiver'))[0]?.name;
  const clientField = (c.pkg.structs.get('HybridExecutor') ?? []).find((f) => /(^|\.)Client$/.test(f.typeText.replace(/^\*/, '')));

  const path = loggingImportPath(c);
  if (!path) return { skip: 'no logging package (logging.FromContext) is imported in this package' };
  const log = fresh(c, 'beaconLog');
  const lines = [`${log} := ${c.imports.use(path)}.FromContext(${ctx})`];

  const entry: string[] = [];
  if (usable(region)) entry.push(`Str("region", ${region})`);
  const client = usable(recv) && clientField ? `${recv}.${clientField.name}` : undefined;
  if (client) {
    const fmt = c.imports.use('fmt');
    entry.push(`Str("client_type", ${fmt}.Sprintf("%T", ${client}))`, `Bool("client_nil", ${client} == nil)`);
  }
  if (usable(spec)) entry.push(`Int("num_questions", len(${spec}.Questions))`, `Int("num_models", len(${spec}.Models))`);
  lines.push(...zerologChain(log, 'Info', entry, TRACE_LINES.hybridExecuteEntry));

  if (client) {
    const ret = nilClientReturn(c, func);
    if (ret) {
      lines.push(`if ${client} == nil {`);
      lines.push(...indent(zerologChain(log, 'Error', usable(region) ? [`Str("region", ${region})`] : [], '🚨 CRITICAL: hybrid client is NIL!')));
      lines.push(...indent(ret));
      lines.push('}');
    }
  }
  const uses = usesOf([
    [ctx, 'the context'],
    [region, 'the region'],
    [client ? recv : undefined, 'the receiver'],
    [spec, 'the job spec'],
  ]);
  return { blocks: [{ ...place, lines, uses }] };
}

/** `return "", "failed", nil, nil, err` in the shape of the function's results, or null when unsure. */
function nilClientReturn(c: SnippetContext, func: Parameters<typeof resultsOf>[0]): string[] | null {
  const { results, unnamed } = resultsOf(func);
  const types = results.map((r) => r.typeText);
  const err = () => `${c.imports.use('fmt')}.Errorf("hybrid client is nil")`;
  if (types.join(',') === 'string,string,[]byte,[]byte,error') return [`return "", "failed", nil, nil, ${err()}`];
  if (unnamed || results.some((r) => !usable(r.name))) return null;
  const errResult = results.find((r) => r.typeText === 'error');
  if (!errResult) return null;
  const out: string[] = [];
  const status = results.find((r) => r.typeText === 'string' && /status/i.test(r.name ?? ''));
  if (status) out.push(`${status.name} = "failed"`);
  out.push(`${errResult.name} = ${err()}`, 'return');
  return out;
}
