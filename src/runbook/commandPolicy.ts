/**
 * What a runbook may run: only the user's own tools. A runbook is a file (perhaps from the
 * repository being debugged), so it never names a program: the first element of every command is
 * `${tool.flyctl}` or `${tool.psql}`, whose paths come from the user (`runbook/toolPaths`). Nor can
 * it make those tools run another program: no environment variable that chooses code or config
 * (PATH, LD_PRELOAD, PSQLRC, PAGER…), and no psql meta-command or option that runs a program or a
 * file of commands (`-c '\! sh'`, `-f FILE`, `-o '|cmd'`, `-L FILE`).
 */

export const USER_TOOL_PLACEHOLDERS = ['${tool.flyctl}', '${tool.psql}'] as const;

/** Environment variables a runbook may set for its commands: none of them selects code to run. */
const SAFE_ENV = /^(?:PG(?:APPNAME|CONNECT_TIMEOUT|SSLMODE|TZ|DATESTYLE|CLIENTENCODING|OPTIONS)|TZ|LANG|LC_[A-Z]+|NO_COLOR|FLY_NO_UPDATE_CHECK)$/;

/** psql options whose argument follows (as the rest of a short-option cluster or the next element). */
const PSQL_SHORT_WITH_ARG = new Set([...'cdfFhLopPRTUv']);
/** psql options that run a file of commands or write to a file or a `|pipe`. */
const PSQL_FORBIDDEN_SHORT = new Set([...'foL']);
const PSQL_FORBIDDEN_LONG = /^--(?:file|output|log-file)(?:=|$)/;
const PSQL_COMMAND_LONG = /^--command(?:=|$)/;

export interface CommandProblem {
  path: (string | number)[];
  message: string;
}

function psqlProblems(argv: readonly string[]): CommandProblem[] {
  const out: CommandProblem[] = [];
  const command = (i: number, text: string) => {
    if (/^\s*\\/.test(text)) out.push({ path: [i], message: 'a psql meta-command (a -c text starting with a backslash) can run programs: only SQL is allowed' });
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      if (PSQL_FORBIDDEN_LONG.test(a)) out.push({ path: [i], message: `psql ${a.split('=')[0]} runs or writes a file chosen by the runbook: not allowed` });
      else if (PSQL_COMMAND_LONG.test(a)) {
        if (a.includes('=')) command(i, a.slice(a.indexOf('=') + 1));
        else if (i + 1 < argv.length) command(++i, argv[i]);
      }
      continue;
    }
    if (!a.startsWith('-') || a === '-') continue;
    for (let j = 1; j < a.length; j++) {
      const letter = a[j];
      if (PSQL_FORBIDDEN_SHORT.has(letter)) out.push({ path: [i], message: `psql -${letter} runs or writes a file chosen by the runbook: not allowed` });
      if (!PSQL_SHORT_WITH_ARG.has(letter)) continue;
      const inline = j + 1 < a.length;
      const valueIndex = inline ? i : i + 1;
      const value = inline ? a.slice(j + 1) : argv[valueIndex];
      if (!inline) i++;
      if (letter === 'c' && value !== undefined) command(valueIndex, value);
      break;
    }
  }
  return out;
}

/** Why a runbook command may not run (empty when it may), with paths relative to the command. */
export function commandProblems(argv: readonly string[], env?: Readonly<Record<string, string>>): CommandProblem[] {
  const out: CommandProblem[] = [];
  const program = argv[0];
  if (!(USER_TOOL_PLACEHOLDERS as readonly string[]).includes(program)) {
    out.push({
      path: ['argv', 0],
      message: `a runbook cannot choose a program to run: the command must start with ${USER_TOOL_PLACEHOLDERS.join(' or ')} (the user's own tools), not ${JSON.stringify(program)}`,
    });
  } else if (program === '${tool.psql}') {
    for (const p of psqlProblems(argv)) out.push({ path: ['argv', ...p.path], message: p.message });
  }
  for (const key of Object.keys(env ?? {})) {
    if (!SAFE_ENV.test(key)) out.push({ path: ['env', key], message: `a runbook cannot set ${key}: it could make the tool run other code (allowed: PG connection options, TZ, LANG, LC_*, NO_COLOR)` });
  }
  return out;
}
