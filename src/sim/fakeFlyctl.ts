/**
 * The fake `flyctl`: the subcommands the runbook and the fixes use, answered from the simulator's
 * state through its control endpoint, with flyctl's (cobra's) flag handling, output and errors.
 * `ssh console -C` runs the command without a shell unless it is `sh -c '…'` (then the mini shell
 * interprets it); `logs` without `--no-tail` streams until killed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { containerCommands } from './containerCommands';
import type { ControlClient } from './controlClient';
import { scanInstrumentation } from './instrumentationScan';
import { renderFly, type FlyPrefixStyle, type LogEntry } from './logBuffer';
import { execCommand, refuse, runShell, type ShellIo, splitNoShell } from './miniShell';
import type { AppSnapshot, DeployRecord, MachineInfo } from './flyPlatform';
import { errorMessage } from '../shared/errorMessage';

export interface ToolIo {
  out(s: string): void;
  err(s: string): void;
}

export interface FlyctlOptions {
  cwd: string;
  /** Aborts a streaming `logs` (a real process is killed instead). */
  signal?: AbortSignal;
  /** How often a streaming `logs` asks for new lines (default 1 s). */
  pollMs?: number;
}

export const FLYCTL_VERSION = 'v0.3.198';

class CliError extends Error {}

type FlagSpec = Record<string, { short?: string; value: boolean }>;
type Flags = Record<string, string | boolean>;

const GLOBAL_FLAGS: FlagSpec = {
  'access-token': { short: 't', value: true },
  verbose: { value: false },
  debug: { value: false },
  help: { short: 'h', value: false },
};

/** cobra/pflag: `--name value`, `--name=value`, `-x value`, `-xvalue`, grouped booleans `-nj`. */
function parseFlags(args: string[], spec: FlagSpec): { flags: Flags; positional: string[] } {
  const all: FlagSpec = { ...GLOBAL_FLAGS, ...spec };
  const byShort = new Map(Object.entries(all).filter(([, s]) => s.short).map(([l, s]) => [s.short as string, l]));
  const flags: Flags = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const s = all[name];
      if (!s) throw new CliError(`unknown flag: --${name}`);
      if (s.value) {
        if (eq >= 0) flags[name] = a.slice(eq + 1);
        else if (i + 1 < args.length) flags[name] = args[++i];
        else throw new CliError(`flag needs an argument: --${name}`);
      } else flags[name] = eq < 0 ? true : a.slice(eq + 1) !== 'false';
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        const long = byShort.get(c);
        if (!long) throw new CliError(`unknown shorthand flag: '${c}' in ${a}`);
        if (all[long].value) {
          const rest = a.slice(j + 1).replace(/^=/, '');
          if (rest !== '') flags[long] = rest;
          else if (i + 1 < args.length) flags[long] = args[++i];
          else throw new CliError(`flag needs an argument: '${c}' in -${c}`);
          break;
        }
        flags[long] = true;
      }
      continue;
    }
    positional.push(a);
  }
  return { flags, positional };
}

const APP_FLAG: FlagSpec = { app: { short: 'a', value: true }, config: { short: 'c', value: true } };

const HELP = `This is flyctl, the Fly.io command line interface.

Usage:
  flyctl [command]

Commands used by Beacon Debug (the Beacon simulator's flyctl answers only these):
  apps restart   Restart an application
  auth whoami    Show the currently authenticated user
  deploy         Deploy Fly applications
  logs           View app logs
  secrets        Manage application secrets (list, set, unset)
  ssh console    Connect to a running instance of the current app
  status         Show app status
  version        Show version information for the flyctl command

Use "flyctl [command] --help" for more information about a command.
`;

export async function runFlyctl(argv: string[], control: ControlClient, io: ToolIo, opts: FlyctlOptions): Promise<number> {
  try {
    return await dispatch(argv, control, io, opts);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`Error: ${e.message}\n`);
      return 1;
    }
    const msg = errorMessage(e);
    io.err(`Error: ${msg}\n`);
    return 1;
  }
}

async function dispatch(argv: string[], control: ControlClient, io: ToolIo, opts: FlyctlOptions): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out(HELP);
      return 0;
    case 'version':
    case '--version':
      parseFlags(rest, { json: { short: 'j', value: false } });
      io.out(`flyctl ${FLYCTL_VERSION} linux/amd64 Commit: 5d3f9a1c2b7e4f60a8d9c1b3e5f7a9c2d4e6f8a0 BuildDate: 2025-10-01T12:00:00Z\n`);
      return 0;
    case 'auth':
      return auth(rest, control, io);
    case 'ssh':
      if (rest[0] !== 'console') return unknownSub('ssh', rest[0]);
      return sshConsole(rest.slice(1), control, io, opts);
    case 'logs':
      return logs(rest, control, io, opts);
    case 'secrets':
      return secrets(rest, control, io, opts);
    case 'apps':
      return apps(rest, control, io, opts);
    case 'deploy':
      return deploy(rest, control, io, opts);
    case 'status':
      return status(rest, control, io, opts);
    default:
      throw new CliError(`unknown command "${cmd}" for "flyctl"\nRun 'flyctl --help' for usage.`);
  }
}

function unknownSub(parent: string, sub: string | undefined): number {
  if (sub === undefined) throw new CliError(`"flyctl ${parent}" requires a subcommand\nRun 'flyctl ${parent} --help' for usage.`);
  throw new CliError(`unknown command "${sub}" for "flyctl ${parent}" (the Beacon simulator's flyctl answers only the commands 'flyctl --help' lists)\nRun 'flyctl ${parent} --help' for usage.`);
}

async function requireLogin(control: ControlClient): Promise<string> {
  const who = await control.get<{ loggedIn: boolean; user: string }>('whoami');
  if (!who.loggedIn) throw new CliError("no access token available. Please login with 'flyctl auth login'");
  return who.user;
}

/** `-a APP`, else the `app` of ./fly.toml. */
function appName(flags: Flags, cwd: string, positional?: string): string {
  if (typeof flags.app === 'string' && flags.app !== '') return flags.app;
  if (positional) return positional;
  const file = typeof flags.config === 'string' ? path.resolve(cwd, flags.config) : path.join(cwd, 'fly.toml');
  try {
    const m = /^\s*app\s*=\s*["']([^"']+)["']/m.exec(fs.readFileSync(file, 'utf8'));
    if (m) return m[1];
  } catch {
    /* no fly.toml */
  }
  throw new CliError('the config for your app is missing an app name, add an app field to the fly.toml file or specify with the -a flag');
}

async function auth(args: string[], control: ControlClient, io: ToolIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'whoami') return unknownSub('auth', sub);
  parseFlags(rest, { json: { short: 'j', value: false } });
  io.out(`${await requireLogin(control)}\n`);
  return 0;
}

// ------------------------------------------------------------------ ssh console

async function sshConsole(args: string[], control: ControlClient, io: ToolIo, opts: FlyctlOptions): Promise<number> {
  const { flags } = parseFlags(args, {
    ...APP_FLAG,
    command: { short: 'C', value: true },
    select: { short: 's', value: false },
    region: { short: 'r', value: true },
    machine: { value: true },
    user: { short: 'u', value: true },
    pty: { value: false },
    quiet: { short: 'q', value: false },
    address: { short: 'A', value: true },
    org: { short: 'o', value: true },
  });
  const app = appName(flags, opts.cwd);
  await requireLogin(control);
  const snap = await control.get<AppSnapshot>('snapshot', { app });
  const machine = pickMachine(snap, flags);
  if (typeof flags.command !== 'string') {
    throw new CliError('the Beacon simulator\'s ssh console runs a command only: pass -C "<command>"');
  }
  if (!flags.quiet) io.err(`Connecting to ${machine.privateIp}... complete\n`);
  const status = await runInContainer(flags.command, snap, io, opts.signal ?? new AbortController().signal);
  if (status !== 0) {
    io.err(`Error: ssh shell: Process exited with status ${status}\n`);
    return 1;
  }
  return 0;
}

function pickMachine(snap: AppSnapshot, flags: Flags): MachineInfo {
  let machines = snap.machines;
  if (typeof flags.machine === 'string') {
    machines = machines.filter((m) => m.id === flags.machine);
    if (!machines.length) throw new CliError(`machine ${flags.machine} was not found in app '${snap.app}'`);
  }
  if (typeof flags.region === 'string') {
    machines = machines.filter((m) => m.region === flags.region);
    if (!machines.length) throw new CliError(`region ${flags.region} has no started VMs`);
  }
  const started = machines.filter((m) => m.state === 'started');
  if (!started.length) {
    throw new CliError(`app ${snap.app} has no started VMs.\nIt may be unhealthy or not have been deployed yet.\nTry the following command to verify:\n\nfly status`);
  }
  return started[0];
}

/**
 * What hallpass does with `-C CMD`: split CMD into words (quotes group, nothing expands) and exec
 * the first one. `sh -c SCRIPT` hands SCRIPT to the shell, which does expand.
 */
export async function runInContainer(command: string, snap: AppSnapshot, io: ShellIo, signal: AbortSignal): Promise<number> {
  let argv: string[];
  try {
    argv = splitNoShell(command);
  } catch (e) {
    io.err(`${errorMessage(e)}\n`);
    return 1;
  }
  if (argv.length === 0) return 0;
  const container = { env: snap.env, commands: containerCommands(snap) };
  if (!/^(\/bin\/)?a?sh$/.test(argv[0])) return execCommand(argv, container, io, signal, (name) => `exec: "${name}": executable file not found in $PATH`);
  if (argv[1] === '-c' && argv[2] !== undefined) return runShell(argv[2], container, io, signal);
  return refuse({ argv, io }, "sh -c 'SCRIPT'");
}

// ------------------------------------------------------------------ logs

async function logs(args: string[], control: ControlClient, io: ToolIo, opts: FlyctlOptions): Promise<number> {
  const { flags } = parseFlags(args, {
    ...APP_FLAG,
    'no-tail': { short: 'n', value: false },
    json: { short: 'j', value: false },
    region: { short: 'r', value: true },
    instance: { short: 'i', value: true },
    machine: { value: true },
  });
  const app = appName(flags, opts.cwd);
  await requireLogin(control);
  const json = !!flags.json;
  const filter = {
    region: typeof flags.region === 'string' ? flags.region : undefined,
    instance: typeof flags.instance === 'string' ? flags.instance : typeof flags.machine === 'string' ? flags.machine : undefined,
  };
  const first = await control.get<{ entries: LogEntry[]; last: number; style?: FlyPrefixStyle }>('logs', { app, ...filter });
  io.out(renderFly(first.entries, json, first.style));
  if (flags['no-tail']) return 0;
  // streams forever, as flyctl does, until the process is killed
  let last = first.last;
  const signal = opts.signal;
  for (;;) {
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, opts.pollMs ?? 1000);
      signal?.addEventListener('abort', () => {
        clearTimeout(t);
        resolve();
      }, { once: true });
    });
    if (signal?.aborted) return 0;
    const next = await control.get<{ entries: LogEntry[]; last: number }>('logs', { app, after: last, ...filter });
    if (next.entries.length) io.out(renderFly(next.entries, json, first.style));
    last = next.last;
  }
}

// ------------------------------------------------------------------ secrets

async function secrets(args: string[], control: ControlClient, io: ToolIo, opts: FlyctlOptions): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'list':
    case 'ls': {
      const { flags } = parseFlags(rest, { ...APP_FLAG, json: { short: 'j', value: false } });
      const app = appName(flags, opts.cwd);
      await requireLogin(control);
      const { secrets: list } = await control.get<{ secrets: { name: string; digest: string; createdAt: number }[] }>('secrets', { app });
      if (flags.json) {
        io.out(JSON.stringify(list.map((s) => ({ Name: s.name, Digest: s.digest, CreatedAt: isoSeconds(s.createdAt) })), null, 2) + '\n');
        return 0;
      }
      io.out(table(['NAME', 'DIGEST', 'CREATED AT'], list.map((s) => [s.name, s.digest, relativeTime(s.createdAt)])));
      return 0;
    }
    case 'set': {
      const { flags, positional } = parseFlags(rest, { ...APP_FLAG, stage: { value: false }, detach: { value: false } });
      const app = appName(flags, opts.cwd);
      if (positional.length === 0) throw new CliError('requires at least one SECRET=VALUE pair');
      const pairs: [string, string][] = positional.map((p) => {
        const i = p.indexOf('=');
        if (i <= 0) throw new CliError(`Secrets must be provided as NAME=VALUE pairs (${p} is invalid)`);
        return [p.slice(0, i), p.slice(i + 1)];
      });
      await requireLogin(control);
      const r = await control.post<{ changed: boolean; machines: string[] }>('secrets/set', { app, pairs, stage: !!flags.stage });
      if (!r.changed) {
        io.out('No change detected to secrets. Skipping release.\n');
        return 0;
      }
      if (flags.stage) {
        io.out('Secrets have been staged, but not set on VMs. Deploy or update machines in this app for the secrets to take effect.\n');
        return 0;
      }
      io.out(rollingUpdate(app, r.machines));
      return 0;
    }
    case 'unset': {
      const { flags, positional } = parseFlags(rest, { ...APP_FLAG, stage: { value: false }, detach: { value: false } });
      const app = appName(flags, opts.cwd);
      if (positional.length === 0) throw new CliError('requires at least 1 arg(s), only received 0');
      await requireLogin(control);
      const r = await control.post<{ machines: string[] }>('secrets/unset', { app, names: positional, stage: !!flags.stage });
      if (flags.stage) {
        io.out('Secrets have been staged, but not set on VMs. Deploy or update machines in this app for the secrets to take effect.\n');
        return 0;
      }
      io.out(rollingUpdate(app, r.machines));
      return 0;
    }
    default:
      return unknownSub('secrets', sub);
  }
}

function rollingUpdate(app: string, machines: string[]): string {
  return (
    `Updating existing machines in '${app}' with rolling strategy\n\n-------\n` +
    machines.map((m, i) => ` ✔ [${i + 1}/${machines.length}] Machine ${m} [app] update succeeded\n`).join('') +
    `-------\nChecking DNS configuration for ${app}.fly.dev\n`
  );
}

// ------------------------------------------------------------------ apps, deploy, status

async function apps(args: string[], control: ControlClient, io: ToolIo, opts: FlyctlOptions): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'restart') return unknownSub('apps', sub);
  const { flags, positional } = parseFlags(rest, { ...APP_FLAG, 'force-stop': { value: false }, 'skip-health-checks': { value: false } });
  const app = appName(flags, opts.cwd, positional[0]);
  await requireLogin(control);
  const before = await control.get<AppSnapshot>('snapshot', { app });
  const r = await control.post<{ app: AppSnapshot }>('restart', { app });
  for (const m of before.machines) {
    io.out(`Restarting machine ${m.id}\n`);
    const after = r.app.machines.find((x) => x.id === m.id);
    if (after?.state !== 'started') {
      throw new CliError(`failed to restart machine ${m.id}: machine did not become healthy: 1 health check failing`);
    }
    io.out(`  Waiting for ${m.id} to become healthy (started, 1/1)\nMachine ${m.id} restarted successfully!\n`);
  }
  return 0;
}

async function deploy(args: string[], control: ControlClient, io: ToolIo, opts: FlyctlOptions): Promise<number> {
  const { flags } = parseFlags(args, {
    ...APP_FLAG,
    image: { short: 'i', value: true },
    strategy: { value: true },
    detach: { value: false },
    'remote-only': { value: false },
    'local-only': { value: false },
    'build-arg': { value: true },
    'ha': { value: true },
    yes: { short: 'y', value: false },
    now: { value: false },
  });
  const app = appName(flags, opts.cwd);
  await requireLogin(control);
  const instrumentation = typeof flags.image === 'string' ? null : scanInstrumentation(opts.cwd);
  io.out('==> Verifying app config\n--> Verified app config\n');
  if (typeof flags.image !== 'string') {
    io.out(`==> Building image\n--> Building image done\n==> Pushing image to fly\n--> Pushing image done\n`);
  }
  const r = await control.post<DeployRecord>('deploy', { app, instrumentation, cwd: opts.cwd });
  io.out(`image: registry.fly.io/${app}:deployment-${String(r.release).padStart(4, '0')}\n`);
  io.out(`\nWatch your deployment at https://fly.io/apps/${app}/monitoring\n\n`);
  const snap = await control.get<AppSnapshot>('snapshot', { app });
  io.out(rollingUpdate(app, snap.machines.map((m) => m.id)));
  io.out(`\nVisit your newly deployed app at https://${app}.fly.dev/\n`);
  return 0;
}

async function status(args: string[], control: ControlClient, io: ToolIo, opts: FlyctlOptions): Promise<number> {
  const { flags } = parseFlags(args, { ...APP_FLAG, json: { short: 'j', value: false }, all: { value: false } });
  const app = appName(flags, opts.cwd);
  await requireLogin(control);
  const s = await control.get<{ app: string; hostname: string; image: string; machines: MachineInfo[] }>('status', { app });
  if (flags.json) {
    io.out(JSON.stringify({ Name: s.app, Hostname: s.hostname, Image: s.image, Machines: s.machines }, null, 2) + '\n');
    return 0;
  }
  io.out(`App\n  Name     = ${s.app}\n  Owner    = project-beacon\n  Hostname = ${s.hostname}\n  Image    = ${s.image}\n  Platform = machines\n\nMachines\n`);
  io.out(table(['PROCESS', 'ID', 'VERSION', 'REGION', 'STATE', 'ROLE', 'CHECKS', 'LAST UPDATED'], s.machines.map((m) => ['app', m.id, String(m.version), m.region, m.state, '', m.checks, isoSeconds(m.updatedAt)])));
  return 0;
}

// ------------------------------------------------------------------ output helpers

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (c ?? '').padEnd(widths[i])).join('\t').trimEnd() + '\n';
  return line(header) + rows.map(line).join('');
}

function isoSeconds(ts: number): string {
  return new Date(ts).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function relativeTime(ts: number): string {
  const s = Math.max(0, Math.round((Date.now() - ts) / 1000));
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.round(s / 60)}m ago`;
  if (s < 86400) return `${Math.round(s / 3600)}h ago`;
  return `${Math.round(s / 86400)}d ago`;
}
