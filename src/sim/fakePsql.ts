/**
 * The fake `psql`: libpq's connection parameters (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE,
 * or -h/-p/-U/-d and a `postgres://` URI), checked against the simulated database, and the
 * runbook's `pg_stat_activity` queries answered in psql's aligned or `-A -t -F` form. Connection
 * failures and other queries fail as psql does (exit 2 and 1).
 */
import type { ControlClient } from './controlClient';
import type { ToolIo } from './fakeFlyctl';
import type { PsqlAnswer } from './simDatabase';
import { errorMessage } from '../shared/errorMessage';

export const PSQL_VERSION = 'psql (PostgreSQL) 16.4';

interface PsqlArgs {
  commands: string[];
  aligned: boolean;
  tuplesOnly: boolean;
  fieldSep: string;
  host?: string;
  port?: string;
  user?: string;
  dbname?: string;
  version: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): PsqlArgs {
  const a: PsqlArgs = { commands: [], aligned: true, tuplesOnly: false, fieldSep: '|', version: false };
  const positional: string[] = [];
  const takes: Record<string, keyof PsqlArgs | 'ignore'> = {
    '-c': 'commands', '--command': 'commands', '-F': 'fieldSep', '--field-separator': 'fieldSep',
    '-h': 'host', '--host': 'host', '-p': 'port', '--port': 'port', '-U': 'user', '--username': 'user', '-d': 'dbname', '--dbname': 'dbname',
    '-v': 'ignore', '--set': 'ignore', '--variable': 'ignore', '-P': 'ignore', '--pset': 'ignore', '-R': 'ignore', '--record-separator': 'ignore',
  };
  const flags: Record<string, () => void> = {
    '-X': () => undefined, '--no-psqlrc': () => undefined, '-q': () => undefined, '--quiet': () => undefined,
    '-w': () => undefined, '--no-password': () => undefined, '-e': () => undefined, '-a': () => undefined,
    '-A': () => (a.aligned = false), '--no-align': () => (a.aligned = false),
    '-t': () => (a.tuplesOnly = true), '--tuples-only': () => (a.tuplesOnly = true),
    '-V': () => (a.version = true), '--version': () => (a.version = true),
  };
  const set = (key: keyof PsqlArgs | 'ignore', v: string) => {
    if (key === 'ignore') return;
    if (key === 'commands') a.commands.push(v);
    else (a as unknown as Record<string, string>)[key] = v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (flags[name] && eq < 0) {
      flags[name]();
      continue;
    }
    if (takes[name]) {
      if (eq > 0) set(takes[name], arg.slice(eq + 1));
      else if (i + 1 < argv.length) set(takes[name], argv[++i]);
      else throw new UsageError(`option requires an argument -- '${name.replace(/^-+/, '')}'`);
      continue;
    }
    // short option with its value attached: -c"SELECT 1", -F'|', -hlocalhost
    if (/^-[cFhpUdvP]./.test(arg)) {
      set(takes[arg.slice(0, 2)], arg.slice(2));
      continue;
    }
    // grouped short flags: -XAt
    if (/^-[XqwAtVea]+$/.test(arg)) {
      for (const f of arg.slice(1)) flags[`-${f}`]();
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') throw new UsageError(arg.startsWith('--') ? `unrecognized option '${arg}'` : `invalid option -- '${arg.slice(1, 2)}'`);
    positional.push(arg);
  }
  if (positional[0] !== undefined && a.dbname === undefined) a.dbname = positional[0];
  if (positional[1] !== undefined && a.user === undefined) a.user = positional[1];
  return a;
}

interface Conn {
  host?: string;
  port: number;
  user: string;
  password?: string;
  database: string;
}

function connection(a: PsqlArgs, env: NodeJS.ProcessEnv): Conn {
  let host = a.host ?? env.PGHOST;
  let port = a.port ?? env.PGPORT;
  let user = a.user ?? env.PGUSER;
  let password = env.PGPASSWORD;
  let database = env.PGDATABASE;
  let dbname = a.dbname;
  if (dbname && /^postgres(ql)?:\/\//.test(dbname)) {
    const u = new URL(dbname);
    const dec = (s: string) => decodeURIComponent(s);
    if (u.hostname) host = u.hostname.replace(/^\[|\]$/g, '');
    if (u.port) port = u.port;
    if (u.username) user = dec(u.username);
    if (u.password) password = dec(u.password);
    dbname = u.pathname.length > 1 ? dec(u.pathname.slice(1)) : undefined;
  }
  user = user ?? env.USER ?? 'postgres';
  database = dbname ?? database ?? user;
  return { host, port: Number(port ?? 5432), user, password, database };
}

function where(c: Conn): string {
  return c.host === 'localhost' ? `connection to server at "localhost" (127.0.0.1), port ${c.port} failed` : `connection to server at "${c.host}", port ${c.port} failed`;
}

function format(answer: { columns: string[]; rows: string[][] }, a: PsqlArgs): string {
  const numeric = answer.columns.map((_, i) => answer.rows.every((r) => /^-?\d+(\.\d+)?$/.test(r[i] ?? '')));
  if (!a.aligned) {
    const lines = a.tuplesOnly ? [] : [answer.columns.join(a.fieldSep)];
    lines.push(...answer.rows.map((r) => r.join(a.fieldSep)));
    if (!a.tuplesOnly) lines.push(`(${answer.rows.length} ${answer.rows.length === 1 ? 'row' : 'rows'})`);
    return lines.map((l) => l + '\n').join('');
  }
  const widths = answer.columns.map((c, i) => Math.max(c.length, ...answer.rows.map((r) => (r[i] ?? '').length)));
  const cell = (v: string, i: number) => (numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i]));
  const row = (cells: string[]) => (' ' + cells.map(cell).join(' | ')).trimEnd();
  const out: string[] = [];
  if (!a.tuplesOnly) {
    out.push(' ' + answer.columns.map((c, i) => {
      const left = Math.floor((widths[i] - c.length) / 2);
      return ' '.repeat(left) + c + ' '.repeat(widths[i] - c.length - left);
    }).join(' | ') + ' ');
    out.push(widths.map((w) => '-'.repeat(w + 2)).join('+'));
  }
  out.push(...answer.rows.map(row));
  if (!a.tuplesOnly) out.push(`(${answer.rows.length} ${answer.rows.length === 1 ? 'row' : 'rows'})`);
  out.push('');
  return out.map((l) => l + '\n').join('');
}

export async function runPsql(argv: string[], control: ControlClient, io: ToolIo, env: NodeJS.ProcessEnv, stdin: () => Promise<string>): Promise<number> {
  let a: PsqlArgs;
  try {
    a = parseArgs(argv);
  } catch (e) {
    io.err(`psql: ${errorMessage(e)}\npsql: hint: Try "psql --help" for more information.\n`);
    return 1;
  }
  if (a.version) {
    io.out(`${PSQL_VERSION}\n`);
    return 0;
  }
  const c = connection(a, env);
  if (c.host === undefined || c.host === '' || c.host.startsWith('/')) {
    const dir = c.host || '/var/run/postgresql';
    io.err(`psql: error: connection to server on socket "${dir}/.s.PGSQL.${c.port}" failed: No such file or directory\n\tIs the server running locally and accepting connections on that socket?\n`);
    return 2;
  }
  if (!/^[\d.]+$/.test(c.host) && !c.host.includes(':') && c.host !== 'localhost') {
    io.err(`psql: error: could not translate host name "${c.host}" to address: Name or service not known\n`);
    return 2;
  }
  const sql = a.commands.length ? a.commands.join(';\n') : await stdin();
  const answer = await control.post<PsqlAnswer>('psql', { conn: c, sql });
  switch (answer.kind) {
    case 'refused':
      io.err(`psql: error: ${where(c)}: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n`);
      return 2;
    case 'no-password':
      io.err(`psql: error: ${where(c)}: fe_sendauth: no password supplied\n`);
      return 2;
    case 'auth-failed':
      io.err(`psql: error: ${where(c)}: FATAL:  password authentication failed for user "${answer.user}"\n`);
      return 2;
    case 'no-database':
      io.err(`psql: error: ${where(c)}: FATAL:  database "${answer.database}" does not exist\n`);
      return 2;
    case 'query-error':
      io.err(`${a.commands.length ? '' : 'psql:<stdin>:1: '}ERROR:  ${answer.message}\n`);
      return 1;
    case 'ok':
      io.out(format(answer, a));
      return 0;
  }
}
