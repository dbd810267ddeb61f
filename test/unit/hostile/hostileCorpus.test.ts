// The hostile corpus through every sink (issue 11 D2, item 2): OSC 52, OSC 0, OSC 8, CSI 2J, SGR,
// a bare CR, U+009B, U+202E and other bidi, NUL, invalid UTF-8 and a 1 MB line — sent by the runner
// and the router (every JSON string, every text body) and printed by flyctl (every line) — reach the
// CLI's human and --json output, the markdown and JSON reports, the history file, the terminal's
// rendering, the results page's view model and the log stream view only as inert text: 0 raw
// controls anywhere, each input shown as a visible escape where it is shown at all.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from '../../../src/cli/main';
import { LogStreamLines } from '../../../src/engine/logs/logStream';
import { redactorFor } from '../../../src/engine/redact';
import { runSteps } from '../../../src/engine/runner';
import type { RunEvent } from '../../../src/engine/types';
import { buildRunView } from '../../../src/report/buildRunView';
import { recordFromRun } from '../../../src/report/recordFromRun';
import { RunHistory } from '../../../src/report/runHistory';
import { renderLine, RunEventLines } from '../../../src/report/terminalLines';
import { loadBuiltinRunbook } from '../../../src/runbook/builtin';
import { tempDir } from '../engine/procHelpers';
import { CORPUS, inputsShown, rawControls, startHostileWorld, type HostileWorld } from './hostileWorld';

/** Every string inside a JSON value, joined (what a view shows of it). */
function strings(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(strings).join('\n');
  if (v && typeof v === 'object') return Object.entries(v).map(([k, x]) => `${k}\n${strings(x)}`).join('\n');
  return '';
}

describe('hostile corpus through every sink (issue 11)', function () {
  this.timeout(240_000);
  let dir: string;
  let world: HostileWorld;
  const sinks = new Map<string, string>();

  before(async () => {
    dir = tempDir('beacon-hostile-');
    world = await startHostileWorld(dir);
    const t = world.target;
    const flags = [
      '--runner-url', t.runnerUrl, '--router-url', t.routerUrl, '--fly-app', t.flyApp, '--router-app', t.routerFlyApp!,
      '--flyctl', t.flyctlPath, '--psql', t.psqlPath, '--admin-token-env', 'T', '--database-url-env', 'D', '--timeout', '20',
    ];
    process.env.T = t.adminToken;
    process.env.D = t.databaseUrl;
    const cli = async (args: string[]) => {
      let out = '';
      let err = '';
      const cwd = process.cwd();
      process.chdir(dir);
      try {
        await run(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
      } finally {
        process.chdir(cwd);
      }
      return out + err;
    };
    sinks.set('CLI run (human)', await cli(['run', ...flags]));
    sinks.set('CLI run --json', await cli(['run', '--json', ...flags]));
    sinks.set('CLI diagnose (human)', await cli(['diagnose', ...flags, '--report', 'report.md']));
    sinks.set('markdown report', fs.readFileSync(path.join(dir, 'report.md'), 'utf8'));
    sinks.set('CLI diagnose --json', await cli(['diagnose', '--json', ...flags, '--report', 'report.json']));
    sinks.set('JSON report file', fs.readFileSync(path.join(dir, 'report.json'), 'utf8'));

    // the engine once more, for the extension's sinks: terminal, history, results page, log stream
    const runbook = loadBuiltinRunbook();
    const events: RunEvent[] = [];
    const outcome = await runSteps(runbook, t, { preflight: true, timeoutSeconds: 20, onEvent: (e) => events.push(e) });
    const lines = new RunEventLines();
    const rendered = events.flatMap((e) => lines.render(e));
    sinks.set('terminal (no colour)', rendered.map((l) => renderLine(l, false)).join('\n'));
    sinks.set('terminal (colours)', rendered.map((l) => renderLine(l, true)).join('\n'));
    const record = recordFromRun({ runbook, target: t, request: { label: 'hostile' }, outcome });
    const history = new RunHistory(path.join(dir, 'history'));
    const saved = await history.save(record);
    sinks.set('history file', fs.readFileSync(saved.file, 'utf8'));
    sinks.set('results page (view model)', strings(buildRunView(runbook, record)));
    const redactor = redactorFor(t);
    const view: string[] = [];
    const stream = new LogStreamLines({ filter: false, maxLines: 100_000, redact: (l) => redactor.redact(l) });
    for (const e of events) if (e.type === 'output') view.push(...stream.push(e.stream === 'stderr' ? 'stderr' : 'stdout', e.text).append);
    sinks.set('log stream view', view.join('\n'));
  });

  /** What a sink shows: the text, or for JSON the strings it holds (escapes inside JSON are doubled). */
  const shownText = (sink: string, text: string) => (/json|JSON|history/.test(sink) ? strings(JSON.parse(sink.startsWith('CLI') ? text.slice(0, text.lastIndexOf('}') + 1) : text)) : text);

  after(async () => {
    delete process.env.T;
    delete process.env.D;
    await world?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    // the sink × input table for the report
    const names = CORPUS.map((c) => c.name);
    console.log(`\n      sink × input (✓ shown inert, · did not reach this sink; raw controls per sink)`);
    console.log(`      | sink | ${names.join(' | ')} | raw |`);
    for (const [sink, text] of sinks) {
      const shown = inputsShown(shownText(sink, text));
      const raw = sink === 'terminal (colours)' ? rawControls(text.replace(/\x1b\[[0-9;]+m/g, '')).length : rawControls(text).length;
      console.log(`      | ${sink} | ${names.map((n) => (shown.has(n) ? '✓' : '·')).join(' | ')} | ${raw} |`);
    }
  });

  it('no sink holds a raw control character', () => {
    for (const [sink, text] of sinks) {
      if (sink === 'terminal (colours)') continue;
      assert.deepEqual(rawControls(text).slice(0, 5), [], sink);
    }
  });

  it('the terminal\'s only escape sequences are the product\'s own colours', () => {
    const text = sinks.get('terminal (colours)')!;
    const escapes = [...text.matchAll(/\x1b[^m]*m?/g)].map((m) => m[0]);
    assert.ok(escapes.length > 0, 'coloured');
    const own = /^\x1b\[(?:0|(?:1|2|3[1-6])(?:;(?:1|2|3[1-6]))*)m$/;
    assert.deepEqual([...new Set(escapes.filter((e) => !own.test(e)))], []);
    assert.deepEqual(rawControls(text.replace(/\x1b\[[0-9;]+m/g, '')).slice(0, 5), []);
    assert.ok(!sinks.get('terminal (no colour)')!.includes('\x1b'));
  });

  it('the corpus reached every sink, shown as visible escapes', () => {
    const small = CORPUS.filter((c) => c.name !== '1 MB line').map((c) => c.name);
    for (const [sink, text] of sinks) {
      const shown = inputsShown(shownText(sink, text));
      assert.deepEqual(small.filter((n) => !shown.has(n)), [], `${sink} shows every small input`);
    }
    for (const sink of ['terminal (no colour)', 'history file', 'log stream view']) {
      assert.ok(inputsShown(shownText(sink, sinks.get(sink)!)).has('1 MB line'), `${sink} shows the 1 MB line`);
    }
  });

  it('JSON output stays valid JSON whose values are inert too', () => {
    for (const sink of ['CLI run --json', 'CLI diagnose --json', 'JSON report file', 'history file']) {
      const text = sinks.get(sink)!;
      const value = JSON.parse(sink.startsWith('CLI') ? text.slice(0, text.lastIndexOf('}') + 1) : text) as unknown;
      assert.deepEqual(rawControls(strings(value)).slice(0, 5), [], `${sink}: parsed values`);
    }
  });
});
