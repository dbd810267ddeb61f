import { field, params, typeBaseName, usable } from '../syntax';
import type { StructField } from '../packageInfo';
import type { SnippetContext, SnippetOutcome } from './context';
import { atBodyTop, fresh, goString, isContextParam, resultsOf, usesOf } from './goCode';
import { TRACE_LINES } from '../../shared/instrumentationLines';

/** `name=%v` parts and their arguments for the struct fields that exist. */
function describe(fields: StructField[] | undefined, owner: string, wanted: readonly [string, string][]): { fmt: string[]; args: string[] } {
  const out = { fmt: [] as string[], args: [] as string[] };
  for (const [name, key] of wanted) {
    const f = fields?.find((x) => x.name === name);
    if (!f) continue;
    out.fmt.push(`${key}=${f.typeText === 'string' ? '%q' : '%v'}`);
    out.args.push(`${owner}.${name}`);
  }
  return out;
}

/**
 * Step 2.4 in `Client.RunInference`: `[HYBRID_CLIENT]` lines on entry and, through a `defer`, on
 * every exit (elapsed, success or error). The existing body is untouched: no second request, the
 * path fallback unchanged. The only step that also covers POST /api/v1/jobs/cross-region.
 */
export function runInferenceTrace(c: SnippetContext): SnippetOutcome {
  const func = c.anchor.func;
  const place = atBodyTop(c, func);
  if ('skip' in place) return place;
  const recv = params(field(func, 'receiver'))[0]?.name;
  const ps = params(field(func, 'parameters'));
  const req = ps.find((p) => !isContextParam(p) && typeBaseName(p.type) === 'InferenceRequest');
  const { results, unnamed } = resultsOf(func);

  let names = results.map((r) => r.name);
  let nameResults: { func: typeof func; names: string[] } | undefined;
  const respIdx = results.findIndex((r) => r.type.type === 'pointer_type');
  const errIdx = results.findIndex((r) => r.typeText === 'error');
  if (unnamed && (respIdx >= 0 || errIdx >= 0)) {
    names = results.map((_, i) => (i === respIdx ? fresh(c, 'beaconResp') : i === errIdx ? fresh(c, 'beaconErr') : '_'));
    nameResults = { func, names: names as string[] };
  }
  const resp = respIdx >= 0 && usable(names[respIdx]) ? names[respIdx] : undefined;
  const err = errIdx >= 0 && usable(names[errIdx]) ? names[errIdx] : undefined;
  const respType = respIdx >= 0 ? typeBaseName(results[respIdx].type) : null;

  const fmt = c.imports.use('fmt');
  const time = c.imports.use('time');
  const start = fresh(c, 'beaconStart');

  const entryFmt: string[] = [];
  const entryArgs: string[] = [];
  if (usable(recv)) {
    const clientFields = c.pkg.structs.get('Client');
    const base = clientFields?.find((f) => f.typeText === 'string' && /url|base/i.test(f.name));
    if (base) {
      entryFmt.push('base_url=%s');
      entryArgs.push(`${recv}.${base.name}`);
    }
    const http = clientFields?.find((f) => f.typeText.startsWith('*') && f.typeText.endsWith('.Client'));
    if (http) {
      entryFmt.push('timeout=%v');
      entryArgs.push(`${recv}.${http.name}.Timeout`);
    }
  }
  if (usable(req?.name)) {
    const d = describe(c.pkg.structs.get('InferenceRequest'), req.name, [
      ['Model', 'model'],
      ['RegionPreference', 'region'],
    ]);
    entryFmt.push(...d.fmt);
    entryArgs.push(...d.args);
    if (c.pkg.structs.get('InferenceRequest')?.some((f) => f.name === 'Prompt' && f.typeText === 'string')) {
      entryFmt.push('prompt_len=%d');
      entryArgs.push(`len(${req.name}.Prompt)`);
    }
  }
  const printf = (format: string, args: string[]) => `${fmt}.Printf(${[goString(format + '\n'), ...args].join(', ')})`;

  const lines = [
    `${start} := ${time}.Now()`,
    printf([`${TRACE_LINES.hybridClientPrefix} 🔍 TRACE: RunInference ENTRY`, ...entryFmt].join(' '), entryArgs),
    'defer func() {',
    `\telapsed := ${time}.Since(${start})`,
  ];
  if (err || resp) {
    lines.push('\tswitch {');
    if (err) {
      lines.push(`\tcase ${err} != nil:`);
      lines.push('\t\t' + printf(`${TRACE_LINES.hybridClientPrefix} ❌ TRACE: RunInference EXIT after %v: error: %v`, ['elapsed', err]));
    }
    if (resp) {
      lines.push(`\tcase ${resp} == nil:`);
      lines.push('\t\t' + printf(`${TRACE_LINES.hybridClientPrefix} ❌ TRACE: RunInference EXIT after %v: no response`, ['elapsed']));
      const d = describe(respType ? c.pkg.structs.get(respType) : undefined, resp, [
        ['Success', 'success'],
        ['ProviderUsed', 'provider'],
        ['Error', 'error'],
        ['ErrorCode', 'error_code'],
      ]);
      lines.push('\tdefault:');
      lines.push('\t\t' + printf([`${TRACE_LINES.hybridClientPrefix} ✅ TRACE: RunInference EXIT after %v:`, ...d.fmt].join(' '), ['elapsed', ...d.args]));
    } else {
      lines.push('\tdefault:');
      lines.push('\t\t' + printf(`${TRACE_LINES.hybridClientPrefix} ✅ TRACE: RunInference EXIT after %v`, ['elapsed']));
    }
    lines.push('\t}');
  } else {
    lines.push('\t' + printf(`${TRACE_LINES.hybridClientPrefix} TRACE: RunInference EXIT after %v`, ['elapsed']));
  }
  lines.push('}()');
  const uses = usesOf([
    [entryArgs.some((a) => a.startsWith(`${recv}.`)) ? recv : undefined, 'the receiver'],
    [req?.name, 'the request'],
    [nameResults ? undefined : resp, 'the response result'],
    [nameResults ? undefined : err, 'the error result'],
  ]);
  return { blocks: [{ ...place, lines, uses }], nameResults };
}
