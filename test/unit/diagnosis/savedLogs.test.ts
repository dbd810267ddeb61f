// diagnose --logs: a post-mortem from saved logs alone — flyctl logs (text, --json), a Grafana/Loki
// export (timestamps first, newest first) — judged by the runbook's logs checks; bad files get a clear error.
import * as assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diagnoseSavedLogs, MAX_LOG_BYTES, parseSavedLog, readSavedLog, SavedLogError } from '../../../src/diagnosis/savedLogs';
import { loadBuiltinRunbook } from '../../../src/runbook/builtin';
import type { Runbook } from '../../../src/runbook/schema';
import { drawVariation, startSimulator, type FaultName } from '../../../src/sim/simulator';
import { renderFly } from '../../../src/sim/logBuffer';
import { runDiagnoseCommand } from '../../../src/cli/diagnoseCommand';

interface Saved {
  text: string;
  json: string;
  loki: string;
}

/**
 * What an engineer would have saved from a simulated system in this state: its whole log buffer as
 * `flyctl logs` prints it (a capture that ran through the incident), and as a Loki export.
 * `page`: only what one `flyctl logs --no-tail` returns (the newest 100 lines).
 */
async function savedLogs(fault: FaultName, seed = 7, page = false): Promise<Saved> {
  const sim = await startSimulator({ fault, seed, variation: { ...drawVariation(seed), noisePerMinute: 6, olderBoot: false } });
  try {
    const style = sim.state.variation.flyPrefix;
    // async: the fake flyctl asks this process' simulator
    const flyctl = async (...args: string[]) =>
      page ? (await promisify(execFile)(sim.flyctlPath, ['logs', '-a', sim.flyApp, '--no-tail', ...args], { encoding: 'utf8' })).stdout : renderFly(sim.state.runner.logs.all(), args.includes('--json'), style);
    const entries = page ? sim.state.runner.logs.all().slice(-100) : sim.state.runner.logs.all();
    const loki = [...entries]
      .reverse()
      .map((e) => `${new Date(e.ts).toISOString().replace('Z', '123456Z')}\t{app="beacon-runner-production",region="${e.region}"}\t${e.message}`)
      .join('\n');
    return { text: await flyctl(), json: await flyctl('--json'), loki };
  } finally {
    await sim.stop();
  }
}

describe('diagnosis/savedLogs: diagnose --logs', function () {
  this.timeout(60_000);
  let rb: Runbook;
  let dir: string;
  const write = (name: string, content: string | Buffer) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, content);
    return f;
  };
  before(() => {
    rb = loadBuiltinRunbook();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-saved-logs-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads flyctl logs, flyctl logs --json and a Loki export (newest first) into the same lines', async () => {
    const s = await savedLogs('missing-hybrid-config', 7, true);
    const text = parseSavedLog(s.text);
    const json = parseSavedLog(s.json);
    const loki = parseSavedLog(s.loki);
    assert.equal(text.format, 'flyctl');
    assert.equal(json.format, 'flyctl-json');
    assert.equal(loki.format, 'loki');
    assert.equal(text.source, 'runner');
    // the export was taken a moment after flyctl's page (a line may have arrived): compare what both hold
    const middle = text.lines.slice(5, -5).map((l) => l.text).join('\n');
    assert.ok(middle.length > 500 && loki.lines.map((l) => l.text).join('\n').includes(middle), 'the Loki export, reordered oldest first, says what flyctl says');
    assert.ok(json.lines.map((l) => l.text).join('\n').includes(middle), 'flyctl logs --json says what flyctl logs says');
    assert.ok(loki.lines.every((l) => l.receivedAt), 'the export\'s timestamps are kept');
  });

  for (const [fault, format] of [['missing-hybrid-config', 'text'], ['hybrid-disabled', 'json'], ['database-unavailable', 'loki'], ['circuit-open', 'text']] as const) {
    it(`${fault} from saved logs (${format}): named from the logs alone, with the live checks that confirm it`, async () => {
      const s = await savedLogs(fault);
      const f = write(`${fault}.${format}.log`, s[format]);
      const r = diagnoseSavedLogs(rb, [f]);
      assert.equal(r.diagnosis.rootCause.id, fault, r.diagnosis.notes.join('\n'));
      assert.equal(r.logs[0].format, { text: 'flyctl', json: 'flyctl-json', loki: 'loki' }[format]);
      assert.ok(r.results.some((x) => x.id === 'qw.4') && r.results.every((x) => ['0.2', 'qw.2', 'qw.4', '5.1'].includes(x.id)), r.results.map((x) => x.id).join(' '));
      assert.ok(r.confirmLive.length > 0 && r.confirmLive.every((c) => !['0.2', 'qw.2', 'qw.4', '5.1'].includes(c.step)), JSON.stringify(r.confirmLive));
    });
  }

  it('the newest 100 lines only (the startup lines gone): never a wrong cause — named, or undetermined with the fault leading', async () => {
    for (const fault of ['missing-hybrid-config', 'circuit-open', 'no-healthy-providers', 'executor-bug'] as const) {
      const s = await savedLogs(fault, 11, true);
      const d = diagnoseSavedLogs(rb, [write(`${fault}.page.log`, s.text)]).diagnosis;
      assert.ok(d.rootCause.id === fault || (d.rootCause.id === 'undetermined' && d.nextStep), `${fault}: ${d.rootCause.id} (leading ${d.leading?.id})`);
    }
  });

  it('router-slow from saved logs: the logs point at it (timeouts after seconds), the live checks that settle it are named', async () => {
    const s = await savedLogs('router-slow');
    const r = diagnoseSavedLogs(rb, [write('slow.log', s.text)]);
    assert.ok(['router-slow', 'undetermined'].includes(r.diagnosis.rootCause.id), r.diagnosis.rootCause.id);
    assert.equal(r.diagnosis.leading?.id, 'router-slow');
    assert.ok((r.facts['logs.failureSeconds']?.value as number) >= 1, 'failed executions ran for seconds');
    assert.ok(r.confirmLive.some((c) => ['r.2', '1.6', 'r.1'].includes(c.step)), JSON.stringify(r.confirmLive));
  });

  it('the CLI: diagnose --logs FILE prints the answer and the live checks; exit 1 for a cause', async () => {
    const s = await savedLogs('missing-hybrid-config');
    const f = write('cli.log', s.text);
    let out = '';
    let err = '';
    const code = await runDiagnoseCommand(['--logs', f], { stdout: (x) => (out += x), stderr: (x) => (err += x) }, undefined, { cwd: dir });
    assert.equal(code, 1, err);
    assert.match(out, /a diagnosis from saved logs alone/);
    assert.match(out, /flyctl logs, the runner's/);
    assert.match(out, /Root cause: missing-hybrid-config/);
    assert.match(out, /Confirm it live .*0\.1 \(/);
    let json = '';
    assert.equal(await runDiagnoseCommand(['--logs', f, '--json'], { stdout: (x) => (json += x), stderr: () => undefined }, undefined, { cwd: dir }), 1);
    const report = JSON.parse(json) as { rootCause: { id: string }; confirmLive: { step: string }[]; logs: { format: string }[] };
    assert.equal(report.rootCause.id, 'missing-hybrid-config');
    assert.equal(report.logs[0].format, 'flyctl');
    assert.ok(report.confirmLive.length > 0);
    assert.equal(await runDiagnoseCommand(['--logs', f, '--env', 'production'], { stdout: () => undefined, stderr: (x) => (err = x) }, undefined, { cwd: dir }), 2);
  });

  describe('bad files: a clear error, nothing half-read', () => {
    const reason = (f: string) => {
      try {
        readSavedLog(f);
      } catch (e) {
        assert.ok(e instanceof SavedLogError, String(e));
        return e.message;
      }
      assert.fail('no error');
    };
    it('missing, a directory, empty', () => {
      assert.match(reason(path.join(dir, 'nope.log')), /nope\.log: no such file/);
      assert.match(reason(dir), /is a directory/);
      assert.match(reason(write('empty.log', '')), /is empty/);
    });
    it('binary', () => {
      assert.match(reason(write('core', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]))), /is binary/);
    });
    it('huge (over 64 MB: not read at all)', () => {
      const f = path.join(dir, 'huge.log');
      fs.writeFileSync(f, '');
      fs.truncateSync(f, MAX_LOG_BYTES + 1);
      assert.match(reason(f), /more than the 64 MB read at most/);
    });
    it('a FIFO is never opened (it would block)', function () {
      if (process.platform === 'win32') this.skip();
      const f = path.join(dir, 'pipe.log');
      execFileSync('mkfifo', [f]);
      assert.match(reason(f), /not a regular file \(a FIFO\)/);
    });
    it('the CLI: exit 2 with the file and the reason', async () => {
      let err = '';
      const code = await runDiagnoseCommand(['--logs', path.join(dir, 'nope.log')], { stdout: () => undefined, stderr: (x) => (err += x) }, undefined, { cwd: dir });
      assert.equal(code, 2);
      assert.match(err, /nope\.log: no such file/);
    });
  });
});
