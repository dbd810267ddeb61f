// Bad input to the CLI gets a clear error and loses nothing (issue 11 D5, D6, D8, D11, D14, D16, D17
// and the "no the executor.Execute(…) call" text).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { runDemoCommand } from '../../../src/cli/demoCommand';
import { runDiagnoseCommand } from '../../../src/cli/diagnoseCommand';
import { runRunCommand } from '../../../src/cli/runCommand';
import { runInstrumentCommand } from '../../../src/cli/instrumentCommand';
import type { RunReport } from '../../../src/engine/types';
import { tempDir, writeScript } from '../engine/procHelpers';

function collector() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) }, out: () => out.join(''), err: () => err.join('') };
}

const TARGET = ['--runner-url', 'http://127.0.0.1:9', '--router-url', 'http://127.0.0.1:9', '--fly-app', 'beacon-runner-test'];

describe('cli: bad input gets a clear error (issue 11)', function () {
  this.timeout(60_000);
  let dir: string;
  let canary: string;
  let fly: string;
  before(() => {
    dir = tempDir('beacon-badinput-');
    canary = path.join(dir, 'RAN');
    fly = writeScript(dir, 'flyctl', `require('fs').appendFileSync(${JSON.stringify(canary)}, process.argv.slice(2).join(' ') + '\\n'); console.log('flyctl v0.3.1');`);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => fs.rmSync(canary, { force: true }));

  describe('--timeout out of range is a usage error, exit 2 (D5)', () => {
    for (const value of ['2147484', '1e400', '0', '-5', 'soon', '86401', 'Infinity']) {
      it(`--timeout ${value}`, async () => {
        for (const [name, cmd, args] of [
          ['run', runRunCommand, ['--only', 'qw.1', ...TARGET, '--flyctl', fly]],
          ['diagnose', runDiagnoseCommand, [...TARGET, '--flyctl', fly]],
          ['demo', runDemoCommand, []],
        ] as const) {
          const c = collector();
          const code = await (cmd as (a: string[], io: unknown, s?: AbortSignal, ctx?: unknown) => Promise<number>)([...args, '--timeout', value], c.io, undefined, { cwd: dir, env: {} });
          assert.equal(code, 2, `${name}: ${c.err()}`);
          assert.match(c.err(), /--timeout takes a number of seconds greater than 0 and at most 86400/, name);
          assert.ok(!fs.existsSync(canary), `${name}: nothing ran`);
        }
      });
    }
  });

  it('a host starting or ending with "-" is refused before anything runs (D6)', async () => {
    for (const url of ['http://-debug', 'http://a.-b.example', 'http://runner-.example', 'https://--help']) {
      const c = collector();
      const code = await runRunCommand(['--only', 'r.1', '--runner-url', 'http://127.0.0.1:9', '--router-url', url, '--fly-app', 'app', '--flyctl', fly], c.io, undefined, { cwd: dir, env: {} });
      assert.equal(code, 2, `${url}: ${c.out()}${c.err()}`);
      assert.match(c.err(), /routerUrl: the host .* is not a host name or IP address/);
      assert.ok(!fs.existsSync(canary), 'nothing ran');
    }
  });

  describe('an unusable admin token: exit 2, and the token is never printed (D11, D14)', () => {
    for (const [what, token] of [
      ['non-ASCII', 'tökén-ünïcode-42'],
      ['32,768+ identical characters', 'A'.repeat(40_000)],
    ] as const) {
      it(what, async () => {
        const c = collector();
        const code = await runRunCommand(['--only', 'qw.1', ...TARGET, '--flyctl', fly, '--admin-token-env', 'T'], c.io, undefined, { cwd: dir, env: { T: token } });
        assert.equal(code, 2, c.out() + c.err());
        assert.match(c.err(), /the admin token .*(printable ASCII|longer than 16 KB)/);
        assert.ok(!(c.out() + c.err()).includes(token.slice(0, 12)), 'the token is not in any message');
        assert.ok(!fs.existsSync(canary), 'nothing ran');
      });
    }
  });

  describe('--report FILE', () => {
    it('is checked before the run: an unwritable path is exit 2 and nothing runs (D8)', async () => {
      const aFile = path.join(dir, 'a-file');
      fs.writeFileSync(aFile, 'x');
      for (const report of [path.join(aFile, 'report.md'), dir, path.join(aFile, 'deeper', 'r.json')]) {
        for (const [name, cmd, args] of [
          ['run', runRunCommand, ['--only', 'qw.1', ...TARGET, '--flyctl', fly]],
          ['diagnose', runDiagnoseCommand, [...TARGET, '--flyctl', fly]],
        ] as const) {
          const c = collector();
          const code = await (cmd as (a: string[], io: unknown, s?: AbortSignal, ctx?: unknown) => Promise<number>)([...args, '--report', report], c.io, undefined, { cwd: dir, env: {} });
          assert.equal(code, 2, `${name} ${report}: ${c.err()}`);
          assert.match(c.err(), /--report .*: (.* is not a directory|is a directory)/);
          assert.ok(!fs.existsSync(canary), `${name}: nothing ran`);
        }
      }
    });

    it('outside a Go module or repository, no folder is walked for instrumentation (D17)', async () => {
      // a working directory that is no repository, with a marked Go file deep inside
      const cwd = fs.mkdtempSync(path.join(dir, 'plain-'));
      const deep = path.join(cwd, 'a', 'b', 'c');
      fs.mkdirSync(deep, { recursive: true });
      fs.writeFileSync(path.join(deep, 'x.go'), 'package c\n\n// beacon-debug:begin 2.1\n// beacon-debug:end 2.1\n');
      const c = collector();
      await runRunCommand(['--only', 'qw.1', '--no-preflight', ...TARGET, '--flyctl', fly, '--report', 'out.md'], c.io, undefined, { cwd, env: {} });
      const md = fs.readFileSync(path.join(cwd, 'out.md'), 'utf8');
      assert.match(md, /Not checked: no source folder was searched/);
      // inside a module, its root is searched, from any folder below it
      fs.writeFileSync(path.join(cwd, 'a', 'go.mod'), 'module example.com/a\n\ngo 1.19\n');
      const c2 = collector();
      await runRunCommand(['--only', 'qw.1', '--no-preflight', ...TARGET, '--flyctl', fly, '--report', 'out2.md'], c2.io, undefined, { cwd: path.join(cwd, 'a', 'b'), env: {} });
      const md2 = fs.readFileSync(path.join(cwd, 'a', 'b', 'out2.md'), 'utf8');
      assert.match(md2, /STILL PRESENT in 1 file\(s\) of folder a/);
    });

    it('a report that cannot be written after the run: the results are on stdout first, then exit 2', async () => {
      const sub = fs.mkdtempSync(path.join(dir, 'gone-'));
      const c = collector();
      // the folder is there when checked, and replaced by a file once the results are printed
      const io = {
        stdout: (s: string) => {
          c.io.stdout(s);
          fs.rmSync(sub, { recursive: true, force: true });
          fs.writeFileSync(sub, 'now a file');
        },
        stderr: c.io.stderr,
      };
      const code = await runRunCommand(['--only', 'qw.1', '--no-preflight', '--json', ...TARGET, '--flyctl', fly, '--report', path.join(sub, 'r.json')], io, undefined, { cwd: dir, env: {} });
      assert.equal((JSON.parse(c.out()) as RunReport).steps[0].id, 'qw.1', 'the results were printed');
      assert.equal(code, 2);
      assert.match(c.err(), /--report .*r\.json: could not write it/);
    });
  });

  it('--timeout is honoured by r.2, whose check sets its own 10 s (D16)', async () => {
    const hang = http.createServer(() => {
      /* never answers */
    });
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(hang.address() as AddressInfo).port}`;
    try {
      const c = collector();
      const started = Date.now();
      await runRunCommand(['--only', 'r.2', '--no-preflight', '--json', '--timeout', '1', '--runner-url', url, '--router-url', url, '--fly-app', 'app', '--flyctl', fly], c.io, undefined, { cwd: dir, env: {} });
      const step = (JSON.parse(c.out()) as RunReport).steps[0];
      assert.equal(step.verdict, 'fail');
      assert.match(step.reason, /did not answer in time/);
      assert.ok(Date.now() - started < 6000, `took ${Date.now() - started} ms: r.2 waited its own 10 s`);
    } finally {
      hang.closeAllConnections();
      hang.close();
    }
  });

  it('a missing anchor reads "no executor.Execute(…) call …", never "no the …" (cosmetic)', async () => {
    const file = path.join(dir, 'client.go');
    fs.writeFileSync(file, 'package hybrid\n\ntype Client struct{}\n');
    const c = collector();
    const code = await runInstrumentCommand([file, '--step', '2.2', '--json', '--dry-run'], c.io);
    assert.equal(code, 0, c.err());
    const reasons = (JSON.parse(c.out()) as { skipped: { reason: string }[] }[]).flatMap((f) => f.skipped.map((s) => s.reason));
    assert.deepEqual(reasons, ['no executor.Execute(…) call inside JobRunner.executeQuestion in this file']);
  });
});
