/** Helpers for the simulator's tests: run the fake tools as real processes, HTTP requests, runbook argv. */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { findStep } from '../../../src/runbook/load';
import { loadBuiltinRunbook } from '../../../src/runbook/builtin';
import type { Check, ShellProbe } from '../../../src/runbook/schema';
import type { Simulator } from '../../../src/sim/simulator';
import { ControlClient } from '../../../src/sim/controlClient';
import { runFlyctl } from '../../../src/sim/fakeFlyctl';

export interface ToolResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs an executable (a fake tool's wrapper script) and collects its output. */
export function runTool(file: string, args: string[], opts: { env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {}): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(file, args, { env: { ...process.env, ...opts.env }, cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${file} ${args.join(' ')} did not finish in ${opts.timeoutMs ?? 15000} ms`));
    }, opts.timeoutMs ?? 15000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

export function spawnTool(file: string, args: string[]): ChildProcess {
  return spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The fake flyctl in-process (no node start-up): same code as the wrapper runs. */
export async function flyctl(sim: Simulator, args: string[], cwd = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runFlyctl(args, new ControlClient(sim.controlUrl), { out: (s) => (stdout += s), err: (s) => (stderr += s) }, { cwd });
  return { code, stdout, stderr };
}

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  ms: number;
}

export function http(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {}): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const u = new URL(url);
    const req = request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method: opts.method ?? 'GET', headers: opts.headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, ms: Date.now() - started }));
    });
    req.setTimeout(opts.timeoutMs ?? 15000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpResult> {
  return http(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

export const stripAnsi = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, '');
/** `2025-10-09T15:37:50.766 app[857509c4e7d578] lhr [info] <line>` → `<line>` (ANSI stripped). */
export const messages = (flyText: string): string[] =>
  flyText
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => stripAnsi(l.replace(/^\S+ \w+\[[0-9a-f]+\] \w+ \[\w+\] /, '')));

/** A check of the built-in runbook by step id and check id. */
export function runbookCheck(stepId: string, checkId: string): Check {
  const rb = loadBuiltinRunbook();
  const check = stepId === 'preflight' ? rb.preflight.find((c) => c.id === checkId) : findStep(rb, stepId)?.checks.find((c) => c.id === checkId);
  if (!check) throw new Error(`no check ${stepId}/${checkId} in the runbook`);
  return check;
}

export function runbookFix(fixId: string): { argv: string[]; undoArgv?: string[] } {
  const fix = loadBuiltinRunbook().fixes.find((f) => f.id === fixId);
  if (!fix?.argv) throw new Error(`no command fix ${fixId}`);
  return { argv: fix.argv, undoArgv: fix.undoArgv };
}

/** Fills the runbook's placeholders for this simulator (the values are plain: no shell quoting needed). */
export function fill(sim: Simulator, s: string): string {
  const router = new URL(sim.routerUrl);
  const runner = new URL(sim.runnerUrl);
  const values: Record<string, string> = {
    'tool.flyctl': sim.flyctlPath,
    'tool.psql': sim.psqlPath,
    'runner.flyApp': sim.flyApp,
    'router.flyApp': sim.routerFlyApp,
    'runner.url': sim.runnerUrl,
    'router.url': sim.routerUrl,
    'runner.host': runner.hostname,
    'router.host': router.hostname,
  };
  return s.replace(/\$\{(tool\.\w+|runner\.\w+|router\.\w+)\}/g, (m, k: string) => {
    if (!(k in values)) throw new Error(`unknown placeholder ${m}`);
    return values[k];
  });
}

export function shellArgv(sim: Simulator, check: Check): string[] {
  if (check.probe.type !== 'shell') throw new Error(`${check.id} is not a shell probe`);
  return (check.probe as ShellProbe).argv.map((a) => fill(sim, a));
}

/** PG* variables from the simulator's database URL (how the engine passes credentials). */
export function pgEnv(databaseUrl: string): Record<string, string> {
  const u = new URL(databaseUrl);
  return { PGHOST: u.hostname, PGPORT: u.port, PGUSER: decodeURIComponent(u.username), PGPASSWORD: decodeURIComponent(u.password), PGDATABASE: u.pathname.slice(1) };
}

/** Applies a runbook check's `regex` extractors to an output, as the engine does (first match, group 1 or 0). */
export function extract(check: Check, output: string): Record<string, string | boolean> {
  const facts: Record<string, string | boolean> = {};
  for (const x of check.extract) {
    if (!('regex' in x)) continue;
    const m = new RegExp(x.regex, x.flags).exec(output);
    if (m) facts[x.fact] = x.group !== undefined ? m[x.group as number] : m[1] ?? true;
  }
  return facts;
}
