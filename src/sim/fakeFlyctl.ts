/**
 * The fake `flyctl`: the subcommands the runbook, its fixes, Deploy and the log stream send, answered
 * from the simulator's state through its control endpoint, with flyctl's (cobra's) flag handling,
 * output and errors. Any other subcommand, flag or argument is refused, never ignored.
 * `ssh console -C` runs the command without a shell unless it is `sh -c '…'` (then the mini shell
 * interprets it); `logs` without `--no-tail` streams until killed.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { containerCommands } from './containerCommands';
import type { ControlClient } from './controlClient';
import { scanInstrumentation } from './instrumentationScan';
import { renderFly, type FlyPrefixStyle, type LogEntry } from './logBuffer';
import { execCommand, refuse, runShell, type ShellIo, splitNoShell } from './miniShell';
import type { AppSnapshot, DeployRecord } from './flyPlatform';
import { errorMessage } from '../shared/errorMessage';

export interface FlyctlOptions {
  /** The working directory: what `deploy` ships. */
  cwd: string;
}

export const FLYCTL_VERSION = 'v0.3.198';

type FlagSpec = Record<string, { short?: string; value: boolean }>;
type Flags = Record<string, string | boolean>;

/** cobra/pflag: `--name value`, `--name=value`, `-x value`, `-xvalue`, grouped booleans `-nj`; at most `maxArgs` arguments. */
function parseFlags(args: string[], spec: FlagSpec, maxArgs = 0): { flags: Flags; positional: string[] } {
  const byShort = new Map(Object.entries(spec).filter(([, s]) => s.short).map(([l, s]) => [s.short as string, l]));
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
      const s = spec[name];
      if (!s) throw new Error(`unknown flag: --${name}`);
      if (s.value) {
        if (eq >= 0) flags[name] = a.slice(eq + 1);
        else if (i + 1 < args.length) flags[name] = args[++i];
        else throw new Error(`flag needs an argument: --${name}`);
      } else flags[name] = eq < 0 ? true : a.slice(eq + 1) !== 'false';
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        const long = byShort.get(c);
        if (!long) throw new Error(`unknown shorthand flag: '${c}' in ${a}`);
        if (spec[long].value) {
          const rest = a.slice(j + 1).replace(/^=/, '');
          if (rest !== '') flags[long] = rest;
          else if (i + 1 < args.length) flags[long] = args[++i];
          else throw new Error(`flag needs an argument: '${c}' in -${c}`);
          break;
        }
        flags[long] = true;
      }
      continue;
    }
    positional.push(a);
  }
  if (positional.length > maxArgs) throw new Error(`accepts at most ${maxArgs} arg(s), received ${positional.length}`);
  return { flags, positional };
}

const APP_FLAG: FlagSpec = { app: { short: 'a', value: true } };

const HELP = `This is the Beacon simulator's flyctl. It answers only what Beacon Debug sends:
  apps restart, auth whoami, deploy, logs, secrets set|unset, ssh console, status --json, version
`;

export async function runFlyctl(argv: string[], control: ControlClient, io: ShellIo, opts: FlyctlOptions): Promise<number> {
  try {
    return await dispatch(argv, control, io, opts);
  } catch (e) {
    io.err(`Error: ${errorMessage(e)}\n`);
    return 1;
  }
}

async function dispatch(argv: string[], control: ControlClient, io: ShellIo, opts: FlyctlOptions): Promise<number> {
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
      parseFlags(rest, {});
      io.out(`flyctl ${FLYCTL_VERSION} linux/amd64 Commit: 5d3f9a1c2b7e4f60a8d9c1b3e5f7a9c2d4e6f8a0 BuildDate: 2025-10-01T12:00:00Z\n`);
      return 0;
    case 'auth':
      if (rest[0] !== 'whoami') return unknownSub('auth', rest[0]);
      parseFlags(rest.slice(1), {});
      io.out(`${await requireLogin(control)}\n`);
      return 0;
    case 'ssh':
      if (rest[0] !== 'console') return unknownSub('ssh', rest[0]);
      return sshConsole(rest.slice(1), control, io);
    case 'logs':
      return logs(rest, control, io);
    case 'secrets':
      return secrets(rest, control, io);
    case 'apps':
      return apps(rest, control, io);
    case 'deploy':
      return deploy(rest, control, io, opts);
    case 'status':
      return status(rest, control, io);
    default:
      throw new Error(`unknown command "${cmd}" for "flyctl"\nRun 'flyctl --help' for usage.`);
  }
}

function unknownSub(parent: string, sub: string | undefined): number {
  const usage = `Run 'flyctl ${parent} --help' for usage.`;
  if (sub === undefined) throw new Error(`"flyctl ${parent}" requires a subcommand\n${usage}`);
  throw new Error(`unknown command "${sub}" for "flyctl ${parent}" (the Beacon simulator's flyctl answers only the commands 'flyctl --help' lists)\n${usage}`);
}

async function requireLogin(control: ControlClient): Promise<string> {
  const who = await control.get<{ loggedIn: boolean; user: string }>('whoami');
  if (!who.loggedIn) throw new Error("no access token available. Please login with 'flyctl auth login'");
  return who.user;
}

/** `-a APP` (or `apps restart APP`): Beacon Debug always names the app, so the simulator reads no fly.toml. */
function appName(flags: Flags, positional?: string): string {
  const app = typeof flags.app === 'string' && flags.app !== '' ? flags.app : positional;
  if (app) return app;
  throw new Error("the Beacon simulator's flyctl reads no fly.toml: name the app with -a");
}

// ------------------------------------------------------------------ ssh console

async function sshConsole(args: string[], control: ControlClient, io: ShellIo): Promise<number> {
  const { flags } = parseFlags(args, { ...APP_FLAG, command: { short: 'C', value: true } });
  const app = appName(flags);
  await requireLogin(control);
  const snap = await control.get<AppSnapshot>('snapshot', { app });
  if (typeof flags.command !== 'string') {
    throw new Error('the Beacon simulator\'s ssh console runs a command only: pass -C "<command>"');
  }
  io.err(`Connecting to ${snap.machines[0].privateIp}... complete\n`);
  const status = await runInContainer(flags.command, snap, io, new AbortController().signal);
  if (status !== 0) {
    io.err(`Error: ssh shell: Process exited with status ${status}\n`);
    return 1;
  }
  return 0;
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

async function logs(args: string[], control: ControlClient, io: ShellIo): Promise<number> {
  const { flags } = parseFlags(args, {
    ...APP_FLAG,
    'no-tail': { short: 'n', value: false },
    json: { short: 'j', value: false },
    region: { short: 'r', value: true },
    instance: { short: 'i', value: true },
  });
  const app = appName(flags);
  await requireLogin(control);
  const json = !!flags.json;
  const filter = { region: flags.region as string | undefined, instance: flags.instance as string | undefined };
  const first = await control.get<{ entries: LogEntry[]; last: number; style?: FlyPrefixStyle }>('logs', { app, ...filter });
  io.out(renderFly(first.entries, json, first.style));
  if (flags['no-tail']) return 0;
  // streams forever, as flyctl does, until the process is killed
  let last = first.last;
  for (;;) {
    await delay(1000);
    const next = await control.get<{ entries: LogEntry[]; last: number }>('logs', { app, after: last, ...filter });
    if (next.entries.length) io.out(renderFly(next.entries, json, first.style));
    last = next.last;
  }
}

// ------------------------------------------------------------------ secrets, apps, deploy, status

async function secrets(args: string[], control: ControlClient, io: ShellIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'set' && sub !== 'unset') return unknownSub('secrets', sub);
  const { flags, positional } = parseFlags(rest, { ...APP_FLAG, stage: { value: false } }, Infinity);
  const app = appName(flags);
  const stage = !!flags.stage;
  if (positional.length === 0) throw new Error(sub === 'set' ? 'requires at least one SECRET=VALUE pair' : 'requires at least 1 arg(s), only received 0');
  const body = sub === 'set' ? { app, stage, pairs: positional.map(secretPair) } : { app, stage, names: positional };
  await requireLogin(control);
  const r = await control.post<{ changed: boolean; machines: string[] }>(`secrets/${sub}`, body);
  if (!r.changed) io.out('No change detected to secrets. Skipping release.\n');
  else if (stage) io.out('Secrets have been staged, but not set on VMs. Deploy or update machines in this app for the secrets to take effect.\n');
  else io.out(rollingUpdate(app, r.machines));
  return 0;
}

function secretPair(p: string): [string, string] {
  const i = p.indexOf('=');
  if (i <= 0) throw new Error(`Secrets must be provided as NAME=VALUE pairs (${p} is invalid)`);
  return [p.slice(0, i), p.slice(i + 1)];
}

function rollingUpdate(app: string, machines: string[]): string {
  return (
    `Updating existing machines in '${app}' with rolling strategy\n\n-------\n` +
    machines.map((m, i) => ` ✔ [${i + 1}/${machines.length}] Machine ${m} [app] update succeeded\n`).join('') +
    `-------\nChecking DNS configuration for ${app}.fly.dev\n`
  );
}

async function apps(args: string[], control: ControlClient, io: ShellIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'restart') return unknownSub('apps', sub);
  const { flags, positional } = parseFlags(rest, APP_FLAG, 1);
  const app = appName(flags, positional[0]);
  await requireLogin(control);
  const restarted = await control.post<AppSnapshot>('restart', { app });
  for (const m of restarted.machines) {
    io.out(`Restarting machine ${m.id}\n  Waiting for ${m.id} to become healthy (started, 1/1)\nMachine ${m.id} restarted successfully!\n`);
  }
  return 0;
}

async function deploy(args: string[], control: ControlClient, io: ShellIo, opts: FlyctlOptions): Promise<number> {
  const app = appName(parseFlags(args, APP_FLAG).flags);
  await requireLogin(control);
  const r = await control.post<DeployRecord>('deploy', { app, instrumentation: scanInstrumentation(opts.cwd) });
  io.out('==> Verifying app config\n--> Verified app config\n==> Building image\n--> Building image done\n==> Pushing image to fly\n--> Pushing image done\n');
  io.out(`image: registry.fly.io/${app}:deployment-${String(r.release).padStart(4, '0')}\n\n`);
  const snap = await control.get<AppSnapshot>('snapshot', { app });
  io.out(rollingUpdate(app, snap.machines.map((m) => m.id)));
  io.out(`\nVisit your newly deployed app at https://${app}.fly.dev/\n`);
  return 0;
}

/** Only `--json` (the deploy test reads the release from it); flyctl's table is not simulated. */
async function status(args: string[], control: ControlClient, io: ShellIo): Promise<number> {
  const { flags } = parseFlags(args, { ...APP_FLAG, json: { short: 'j', value: false } });
  const app = appName(flags);
  if (!flags.json) throw new Error("the Beacon simulator's flyctl prints the status only as JSON: pass --json");
  await requireLogin(control);
  const snap = await control.get<AppSnapshot>('snapshot', { app });
  io.out(JSON.stringify({ Name: app, Hostname: `${app}.fly.dev`, Machines: snap.machines }, null, 2) + '\n');
  return 0;
}
