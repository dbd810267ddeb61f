// The beacon-log TextMate grammar, tokenized with the same engine VS Code uses
// (vscode-textmate + the Oniguruma WASM build). Sample lines are the literal
// lines from BEACON-FACTS.md, the debug plan's instrumentation, and real
// zerolog ConsoleWriter output (colours included, captured from zerolog 1.x).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const GRAMMAR_PATH = path.join(ROOT, 'syntaxes', 'beacon-log.tmLanguage.json');
const SCOPE = 'source.beacon-log';

interface Tok { text: string; scopes: string[] }

let grammar: vsctm.IGrammar;

async function loadGrammar(): Promise<vsctm.IGrammar> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(new Uint8Array(wasm));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName !== SCOPE) return null;
      return vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH);
    },
  });
  const g = await registry.loadGrammar(SCOPE);
  if (!g) throw new Error('grammar not loaded');
  return g;
}

function tokenize(line: string): Tok[] {
  const r = grammar.tokenizeLine(line, vsctm.INITIAL);
  return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
}

/** Scopes of the (first) token whose text is exactly `text`. */
function scopesOf(line: string, text: string, nth = 0): string[] {
  const toks = tokenize(line).filter((t) => t.text === text);
  if (toks.length <= nth) {
    const dump = tokenize(line).map((t) => `${JSON.stringify(t.text)} ${t.scopes.slice(1).join(' ')}`).join('\n  ');
    assert.fail(`no token ${JSON.stringify(text)} (#${nth}) in ${JSON.stringify(line)}; tokens:\n  ${dump}`);
  }
  return toks[nth].scopes;
}

function hasScope(scopes: string[], prefix: string): boolean {
  return scopes.some((s) => s === prefix || s.startsWith(prefix + '.'));
}

function assertScope(line: string, text: string, prefix: string, nth = 0): void {
  const s = scopesOf(line, text, nth);
  assert.ok(hasScope(s, prefix), `${JSON.stringify(text)} in ${JSON.stringify(line)}: expected ${prefix}, got ${s.join(' ')}`);
}

function assertNoScope(line: string, text: string, prefix: string): void {
  for (const t of tokenize(line)) {
    if (t.text.includes(text)) {
      assert.ok(!hasScope(t.scopes, prefix), `${JSON.stringify(t.text)} must not have ${prefix}, got ${t.scopes.join(' ')}`);
    }
  }
}

const ESC = '\u001b';

describe('beacon-log grammar', () => {
  before(async () => {
    grammar = await loadGrammar();
  });

  describe('zerolog console', () => {
    const info = '2025-09-30T12:17:35Z INF executing multi-model job job_id=dedup-test-1759234649 model_count=2';

    it('scopes the timestamp, the level and the fields of an INF line (BEACON-FACTS)', () => {
      assertScope(info, '2025-09-30T12:17:35Z', 'log.date.beacon-log');
      assertScope(info, 'INF', 'log.info.beacon-log');
      assertScope(info, 'INF', 'markup.inserted');
      assertScope(info, 'job_id', 'variable.other.field.key.beacon-log');
      assertScope(info, '=', 'keyword.operator.assignment.beacon-log');
      assertScope(info, 'dedup-test-1759234649', 'string.unquoted.field.value.beacon-log');
      assertScope(info, 'model_count', 'variable.other.field.key.beacon-log');
      assertScope(info, '2', 'constant.numeric.beacon-log');
    });

    it('leaves the message text unscoped', () => {
      const s = scopesOf(info, ' executing multi-model job ');
      assert.deepEqual(s, [SCOPE]);
    });

    it('reads a JSON object field value and resumes fields after it', () => {
      const line = '2025-09-30T12:17:36Z ERR Execution failed error={"Message":"No healthy providers available","Type":"router_error"} job_id=dedup-test-1759234649 provider=modal-us-east';
      assertScope(line, 'ERR', 'log.error.beacon-log');
      assertScope(line, 'ERR', 'invalid');
      assertScope(line, 'error', 'variable.other.field.key.beacon-log');
      assertScope(line, '{', 'punctuation.definition.dictionary.begin.json.beacon-log');
      assertScope(line, 'Message', 'support.type.property-name.json.beacon-log');
      assertScope(line, '"No healthy providers available"', 'string.quoted.double.json.beacon-log');
      assertScope(line, '"No healthy providers available"', 'meta.structure.dictionary.json.beacon-log');
      assertScope(line, '}', 'punctuation.definition.dictionary.end.json.beacon-log');
      // the JSON region closed: the next field is a field again, not JSON
      assertScope(line, 'provider', 'variable.other.field.key.beacon-log');
      assert.ok(!hasScope(scopesOf(line, 'provider'), 'meta.structure.dictionary.json.beacon-log'));
      assertScope(line, 'modal-us-east', 'string.unquoted.field.value.beacon-log');
    });

    it('maps every zerolog level abbreviation', () => {
      const cases: [string, string, string][] = [
        ['TRC', 'log.verbose.beacon-log', 'comment'],
        ['DBG', 'log.debug.beacon-log', 'markup.changed'],
        ['INF', 'log.info.beacon-log', 'markup.inserted'],
        ['WRN', 'log.warning.beacon-log', 'markup.deleted'],
        ['ERR', 'log.error.beacon-log', 'invalid'],
        ['FTL', 'log.error.beacon-log', 'invalid.illegal.level.fatal'],
        ['PNC', 'log.error.beacon-log', 'invalid.illegal.level.panic'],
      ];
      for (const [lvl, logScope, themeScope] of cases) {
        const line = `2025-09-30T12:17:35Z ${lvl} something happened k=v`;
        assertScope(line, lvl, logScope);
        assertScope(line, lvl, themeScope);
      }
    });

    it('accepts the ConsoleWriter default time.Kitchen timestamp and fractional RFC 3339', () => {
      assertScope('3:04PM WRN slow provider latency=2.5s', 'WRN', 'log.warning.beacon-log');
      assertScope('3:04PM WRN slow provider latency=2.5s', '3:04PM', 'log.date.beacon-log');
      assertScope('3:04PM WRN slow provider latency=2.5s', '2.5s', 'constant.numeric.beacon-log');
      assertScope('2025-09-30T12:17:35.123+02:00 DBG x', 'DBG', 'log.debug.beacon-log');
    });

    it('does not treat a level abbreviation inside the message as a level', () => {
      const line = '2025-09-30T12:17:35Z INF ERRATA INFO-less ERR_CODE seen';
      assertNoScope(line, 'ERRATA', 'log.error.beacon-log');
      assertNoScope(line, 'ERR_CODE', 'log.error.beacon-log');
      assertNoScope(line, 'INFO-less', 'log.info.beacon-log');
    });

    it('handles real ConsoleWriter colour output (ANSI codes around time, level, keys and values)', () => {
      // bytes as written by zerolog's ConsoleWriter (NoColor=false)
      const colored = `${ESC}[90m2025-09-30T12:17:36Z${ESC}[0m ${ESC}[1m${ESC}[31mERR${ESC}[0m${ESC}[0m Execution failed ${ESC}[36merror=${ESC}[0m${ESC}[31m{"Message":"No healthy providers available","Type":"router_error"}${ESC}[0m ${ESC}[36mjob_id=${ESC}[0mdedup-test-1759234649 ${ESC}[36mprovider=${ESC}[0mmodal-us-east`;
      assertScope(colored, `${ESC}[90m`, 'comment.other.ansi-escape.beacon-log');
      assertScope(colored, `${ESC}[1m`, 'comment.other.ansi-escape.beacon-log');
      assertScope(colored, '2025-09-30T12:17:36Z', 'log.date.beacon-log');
      assertScope(colored, 'ERR', 'log.error.beacon-log');
      assertScope(colored, 'error', 'variable.other.field.key.beacon-log');
      assertScope(colored, 'Type', 'support.type.property-name.json.beacon-log');
      assertScope(colored, 'job_id', 'variable.other.field.key.beacon-log');
      assertScope(colored, 'dedup-test-1759234649', 'string.unquoted.field.value.beacon-log');
      assertScope(colored, 'modal-us-east', 'string.unquoted.field.value.beacon-log');
      // no token mixes the escape bytes with text
      for (const t of tokenize(colored)) {
        if (t.text.includes(ESC)) assert.match(t.text, /^(\u001b\[[0-9;]*m)+$/, `token mixes ANSI and text: ${JSON.stringify(t.text)}`);
      }
      const info = `${ESC}[90m2025-09-30T12:17:35Z${ESC}[0m ${ESC}[32mINF${ESC}[0m executing multi-model job ${ESC}[36mjob_id=${ESC}[0mdedup-test-1759234649 ${ESC}[36mmodel_count=${ESC}[0m2`;
      assertScope(info, 'INF', 'log.info.beacon-log');
      assertScope(info, 'model_count', 'variable.other.field.key.beacon-log');
      assertScope(info, '2', 'constant.numeric.beacon-log');
    });
  });

  describe('zerolog JSON lines (GIN_MODE=release)', () => {
    const line = '{"level":"error","job_id":"dedup-test-1759234649","time":"2025-09-30T12:17:36Z","message":"question execution failed"}';

    it('scopes the level value as a level and the message as the message', () => {
      assertScope(line, 'error', 'log.error.beacon-log');
      assertScope(line, 'level', 'support.type.property-name.json.beacon-log');
      assertScope(line, 'job_id', 'support.type.property-name.json.beacon-log');
      assertScope(line, '"dedup-test-1759234649"', 'string.quoted.double.json.beacon-log');
      assertScope(line, '"question execution ', 'string.quoted.double.json.message.beacon-log');
      assertScope(line, 'failed', 'string.quoted.double.json.message.beacon-log');
      assertScope(line, 'failed', 'log.error.beacon-log');
    });

    it('maps JSON level names', () => {
      for (const [lvl, scope] of [['info', 'log.info'], ['warn', 'log.warning'], ['debug', 'log.debug'], ['trace', 'log.verbose'], ['fatal', 'log.error'], ['panic', 'log.error']]) {
        assertScope(`{"level":"${lvl}","message":"m"}`, lvl, scope + '.beacon-log');
      }
    });

    it('finds markers inside a JSON message', () => {
      const l = '{"level":"info","job_id":"j1","message":"🔍 TRACE: executeQuestion ENTRY"}';
      assertScope(l, 'TRACE', 'keyword.other.marker.trace.beacon-log');
    });
  });

  describe('flyctl logs prefix', () => {
    const line = '2025-10-09T15:37:50.766 app[857509c4e7d578] lhr [info] 2025-10-09T15:37:50Z INF Hybrid Router enabled hybrid_base=https://project-beacon-production.up.railway.app';

    it('scopes time, instance, region and Fly level', () => {
      assertScope(line, '2025-10-09T15:37:50.766', 'log.date.beacon-log');
      assertScope(line, '2025-10-09T15:37:50.766', 'meta.prefix.fly.beacon-log');
      assertScope(line, 'app', 'entity.name.type.fly-process.beacon-log');
      assertScope(line, '857509c4e7d578', 'constant.other.fly-instance.beacon-log');
      assertScope(line, 'lhr', 'entity.name.tag.fly-region.beacon-log');
      assertScope(line, 'info', 'log.info.beacon-log');
    });

    it('continues with the zerolog line after the prefix', () => {
      assertScope(line, '2025-10-09T15:37:50Z', 'log.date.beacon-log');
      assert.ok(!hasScope(scopesOf(line, '2025-10-09T15:37:50Z'), 'meta.prefix.fly.beacon-log'));
      assertScope(line, 'INF', 'log.info.beacon-log');
      assertScope(line, 'Hybrid Router enabled', 'markup.inserted.hybrid-router.enabled.beacon-log');
      assertScope(line, 'hybrid_base', 'variable.other.field.key.beacon-log');
      assertScope(line, 'https://project-beacon-production.up.railway.app', 'markup.underline.link.beacon-log');
    });

    it('handles a prefixed JSON line and a prefixed error level', () => {
      const l = '2025-10-09T15:37:51.002 app[857509c4e7d578] lhr [error] {"level":"error","message":"question execution failed"}';
      assertScope(l, 'error', 'log.error.beacon-log', 0); // the Fly level
      assertScope(l, 'error', 'meta.structure.dictionary.json.beacon-log', 1); // the JSON level
      assertScope(l, 'error', 'log.error.beacon-log', 1);
    });
  });

  describe('runner startup lines (BEACON-FACTS)', () => {
    it('marks enabled and disabled hybrid router lines differently', () => {
      assertScope('2025-10-09T15:37:50Z INF Hybrid Router enabled (default)', 'Hybrid Router enabled (default)', 'log.info.beacon-log');
      const dis = '2025-10-09T15:37:50Z WRN Hybrid Router disabled (no HYBRID_BASE/HYBRID_ROUTER_URL and default not enabled)';
      assertScope(dis, 'Hybrid Router disabled', 'markup.deleted.hybrid-router.disabled.beacon-log');
      const exp = '2025-10-09T15:37:50Z WRN Hybrid Router explicitly disabled via HYBRID_ROUTER_DISABLE=true';
      assertScope(exp, 'Hybrid Router explicitly disabled', 'markup.deleted.hybrid-router.disabled.beacon-log');
      assertScope(exp, 'HYBRID_ROUTER_DISABLE', 'variable.other.field.key.beacon-log');
      assertScope(exp, 'true', 'constant.language.beacon-log');
    });

    it('scopes [HYBRID_CLIENT_INIT] and its fields', () => {
      const line = '[HYBRID_CLIENT_INIT] timeout=300s source=default env_value="" url=https://project-beacon-production.up.railway.app';
      assertScope(line, 'HYBRID_CLIENT_INIT', 'entity.name.tag.hybrid-client.beacon-log');
      assertScope(line, '[', 'punctuation.definition.tag.begin.beacon-log');
      assertScope(line, 'timeout', 'variable.other.field.key.beacon-log');
      assertScope(line, '300s', 'constant.numeric.beacon-log');
      assertScope(line, 'default', 'string.unquoted.field.value.beacon-log');
      assertScope(line, '"', 'string.quoted.double.beacon-log');
      assertScope(line, 'https://project-beacon-production.up.railway.app', 'markup.underline.link.beacon-log');
      const invalid = '[HYBRID_CLIENT_INIT] timeout=300s source=HYBRID_ROUTER_TIMEOUT (invalid) env_value="300s" url=https://x.example';
      assertScope(invalid, 'HYBRID_ROUTER_TIMEOUT', 'string.unquoted.field.value.beacon-log');
      assertScope(invalid, '300s', 'string.quoted.double.beacon-log', 1);
    });

    it('scopes [HYBRID_CLIENT] trace lines and [EXEC] ERROR lines', () => {
      assertScope('[HYBRID_CLIENT] 🔍 Starting inference request', 'HYBRID_CLIENT', 'entity.name.tag.hybrid-client.beacon-log');
      const err = '[HYBRID_CLIENT] ❌ HTTP error after 12.3ms: dial tcp: connection refused';
      assertScope(err, '❌', 'log.error.beacon-log');
      assertScope('[HYBRID_CLIENT] ✅ HTTP response received after 1.2s', '✅', 'log.info.beacon-log');
      const exec = '[EXEC] ERROR: executor returned no output';
      assertScope(exec, 'EXEC', 'entity.name.tag.component.beacon-log');
      assertScope(exec, 'ERROR', 'log.error.beacon-log');
    });
  });

  describe('debug plan markers', () => {
    it('scopes 🔍 TRACE as a trace marker', () => {
      const line = '2025-10-09T15:37:50Z INF 🔍 TRACE: executeQuestion ENTRY job_id=j1 question_id=q1 executor_type=*hybrid.HybridExecutor';
      assertScope(line, 'TRACE', 'keyword.other.marker.trace.beacon-log');
      assertScope(line, 'executor_type', 'variable.other.field.key.beacon-log');
    });

    it('scopes 🚨 CRITICAL / SUSPICIOUS / PANIC as alerts', () => {
      assertScope('2025-10-09T15:37:50Z ERR 🚨 CRITICAL: executor is NIL! job_id=j1', 'CRITICAL', 'invalid.illegal.marker.alert.beacon-log');
      assertScope('2025-10-09T15:37:50Z WRN 🚨 SUSPICIOUS: Execution completed in <100ms - likely immediate failure duration_ms=12', 'SUSPICIOUS', 'invalid.illegal.marker.alert.beacon-log');
      assertScope('2025-10-09T15:37:50Z ERR 🚨 PANIC RECOVERED in executeQuestion panic="runtime error"', 'PANIC RECOVERED', 'invalid.illegal.marker.alert.beacon-log');
      assertScope('2025-10-09T15:37:50Z ERR 🚨 Context cancelled during execution', '🚨', 'log.error.beacon-log');
    });

    it('scopes an unrecovered Go panic', () => {
      assertScope('panic: runtime error: invalid memory address or nil pointer dereference', 'panic', 'log.error.beacon-log');
      assertScope('goroutine 42 [running]:', 'goroutine 42 [running]', 'log.error.beacon-log');
    });
  });

  describe('hybrid router lines (Python logging)', () => {
    it('scopes [HEALTH_CHECK] lines and their outcome', () => {
      assertScope('🔍 [HEALTH_CHECK] Starting health check for modal-us-east', 'HEALTH_CHECK', 'entity.name.tag.router.beacon-log');
      const ok = '✅ [HEALTH_CHECK] modal-us-east is HEALTHY (success=True)';
      assertScope(ok, 'is HEALTHY', 'log.info.beacon-log');
      assertScope(ok, 'success', 'variable.other.field.key.beacon-log');
      assertScope(ok, 'True', 'constant.language.beacon-log');
      const bad = '❌ [HEALTH_CHECK] modal-us-east failed: HTTP 404 from https://modal.example/health';
      assertScope(bad, '❌', 'log.error.beacon-log');
      assertScope(bad, 'failed', 'log.error.beacon-log');
      assertScope(bad, 'https://modal.example/health', 'markup.underline.link.beacon-log');
    });

    it('scopes [SELECT_PROVIDER] and the no-healthy-providers lines', () => {
      const total = 'ERROR:app.core.router:[SELECT_PROVIDER] Total providers: 3';
      assertScope(total, 'ERROR', 'log.error.beacon-log');
      assertScope(total, 'SELECT_PROVIDER', 'entity.name.tag.router.beacon-log');
      assertScope('[SELECT_PROVIDER] NO HEALTHY PROVIDERS! healthy=0 total=3', 'NO HEALTHY PROVIDERS!', 'log.error.beacon-log');
      assertScope('No healthy providers available for region us-east', 'No healthy providers available', 'invalid.no-healthy-providers.beacon-log');
      assertScope('2025-10-09 15:37:50,123 - hybrid_router - WARNING - provider slow', 'WARNING', 'log.warning.beacon-log');
    });
  });

  describe('contribution', () => {
    it('package.json contributes language beacon-log (.beaconlog) with this grammar and a language configuration', () => {
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
      const lang = (pkg.contributes?.languages ?? []).find((l: { id: string }) => l.id === 'beacon-log');
      assert.ok(lang, 'contributes.languages has beacon-log');
      assert.ok(lang.extensions.includes('.beaconlog'));
      assert.ok(fs.existsSync(path.join(ROOT, lang.configuration)), `language configuration ${lang.configuration} exists`);
      JSON.parse(fs.readFileSync(path.join(ROOT, lang.configuration), 'utf8'));
      const gr = (pkg.contributes?.grammars ?? []).find((g: { language: string }) => g.language === 'beacon-log');
      assert.ok(gr, 'contributes.grammars has beacon-log');
      assert.equal(gr.scopeName, SCOPE);
      assert.equal(path.resolve(ROOT, gr.path), GRAMMAR_PATH);
      assert.equal(JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8')).scopeName, SCOPE);
    });
  });
});
