/**
 * The fake `psql`, as Beacon Debug runs it: credentials only from libpq's PGHOST, PGPORT, PGUSER,
 * PGPASSWORD and PGDATABASE, checked against the simulated database, and the runbook's query from
 * `-c`, answered in the `-A -t -F '|'` form it asks for. Connection failures and other queries fail
 * as psql does (exit 2 and 1); any other option or argument is refused as not simulated.
 */
import type { ControlClient } from './controlClient';
import type { ShellIo } from './miniShell';
import type { PsqlAnswer, PsqlConnection } from './simDatabase';
import { errorMessage } from '../shared/errorMessage';

export const PSQL_VERSION = 'psql (PostgreSQL) 16.4';

interface PsqlArgs {
  commands: string[];
  aligned: boolean;
  tuplesOnly: boolean;
  fieldSep: string;
  version: boolean;
}

const SHORT_OF: Record<string, string> = {
  '--no-psqlrc': '-X',
  '--no-align': '-A',
  '--tuples-only': '-t',
  '--field-separator': '-F',
  '--command': '-c',
  '--version': '-V',
};

/** Unaligned output (`-A`) is required: psql's aligned tables are not simulated. */
function parseArgs(argv: string[]): PsqlArgs {
  const a: PsqlArgs = { commands: [], aligned: true, tuplesOnly: false, fieldSep: '|', version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const opt = SHORT_OF[arg] ?? arg;
    if (opt === '-A') a.aligned = false;
    else if (opt === '-t') a.tuplesOnly = true;
    else if (opt === '-V') a.version = true;
    else if ((opt === '-F' || opt === '-c') && i + 1 === argv.length) throw new Error(`option requires an argument -- '${arg.replace(/^-+/, '')}'`);
    else if (opt === '-F') a.fieldSep = argv[++i];
    else if (opt === '-c') a.commands.push(argv[++i]);
    // a connection argument may hold a password: it is never echoed
    else if (!arg.startsWith('-')) throw new Error("connection arguments are not supported by the Beacon simulator's psql: it connects with the PG* variables");
    else if (opt !== '-X') throw new Error(`the option ${arg} is not supported by the Beacon simulator's psql (it takes -X -A -t -F -c, and -V)`);
  }
  if (!a.version && a.aligned) throw new Error("aligned output is not supported by the Beacon simulator's psql: pass -A");
  if (!a.version && a.commands.length === 0) {
    throw new Error("reading SQL from standard input is not supported by the Beacon simulator's psql: pass it with -c");
  }
  return a;
}

function where(c: PsqlConnection): string {
  return c.host === 'localhost' ? `connection to server at "localhost" (127.0.0.1), port ${c.port} failed` : `connection to server at "${c.host}", port ${c.port} failed`;
}

export async function runPsql(argv: string[], control: ControlClient, io: ShellIo, env: NodeJS.ProcessEnv): Promise<number> {
  let a: PsqlArgs;
  try {
    a = parseArgs(argv);
  } catch (e) {
    io.err(`psql: ${errorMessage(e)}\n`);
    return 1;
  }
  if (a.version) {
    io.out(`${PSQL_VERSION}\n`);
    return 0;
  }
  // libpq takes an empty variable as unset
  const host = env.PGHOST || '';
  const port = Number(env.PGPORT || 5432);
  if (host === '' || host.startsWith('/')) {
    const socket = `${host || '/var/run/postgresql'}/.s.PGSQL.${port}`;
    io.err(`psql: error: connection to server on socket "${socket}" failed: No such file or directory\n`);
    io.err('\tIs the server running locally and accepting connections on that socket?\n');
    return 2;
  }
  if (!/^[\d.]+$/.test(host) && !host.includes(':') && host !== 'localhost') {
    io.err(`psql: error: could not translate host name "${host}" to address: Name or service not known\n`);
    return 2;
  }
  const user = env.PGUSER || env.USER || 'postgres';
  const c: PsqlConnection = { host, port, user, password: env.PGPASSWORD, database: env.PGDATABASE || user };
  const answer = await control.post<PsqlAnswer>('psql', { conn: c, sql: a.commands.join(';\n') });
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
      io.err(`ERROR:  ${answer.message}\n`);
      return 1;
    case 'ok': {
      const lines = answer.rows.map((r) => r.join(a.fieldSep));
      if (!a.tuplesOnly) lines.unshift(answer.columns.join(a.fieldSep));
      if (!a.tuplesOnly) lines.push(`(${answer.rows.length} ${answer.rows.length === 1 ? 'row' : 'rows'})`);
      io.out(lines.map((l) => l + '\n').join(''));
      return 0;
    }
  }
}
