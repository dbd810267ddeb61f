/**
 * The shell of the simulated runner container, reduced to what runbooks send through
 * `flyctl ssh console -C "sh -c '…'"`: one line of commands joined by `;`, `&&` and `||`; single and
 * double quotes (backslash escapes); `$VAR`, `${VAR}` and `$?`. Anything else — pipes, redirections,
 * `$(…)`, `${VAR:-word}`, globs, assignments, keywords, `exit`, comments, several lines — is refused
 * before the script runs (`sh: … is not supported by the Beacon simulator's shell`, status 2): an
 * error, never a different answer than busybox would give. An unknown command is `sh: NAME: not found`.
 *
 * `splitNoShell()` is the same tokenizer with only quotes special: how `ssh console -C` splits a
 * command when no shell is involved (`$HOME`, `|` and `;` reach the program as they are).
 */

export type ShellIo = { out(s: string): void; err(s: string): void };

export interface CommandContext {
  argv: string[];
  io: ShellIo;
  signal: AbortSignal;
  /** Runs another command by argv (for `timeout`): no shell parsing. */
  exec(argv: string[], signal: AbortSignal): Promise<number>;
}

export type CommandImpl = (ctx: CommandContext) => Promise<number>;

export type Container = { env: Record<string, string>; commands: Record<string, CommandImpl> };

export class ShellSyntaxError extends Error {}

export const unsupported = (what: string) => new ShellSyntaxError(`${what} is not supported by the Beacon simulator's shell (it runs commands joined by ; && || with quotes and $VAR)`);

/** A use of a program that the simulator does not implement: an error (status 2), never a different answer. */
export function refuse(ctx: { argv: string[]; io: ShellIo }, usage: string, what = `"${ctx.argv.join(' ')}"`): number {
  ctx.io.err(`${ctx.argv[0]}: ${what} is not supported by the Beacon simulator (it runs: ${usage})\n`);
  return 2;
}

type Part = { lit: string } | { name: string; quoted: boolean };
type Token = { word: Part[] } | { op: ';' | '&&' | '||' };

const REFUSED_CHARS: Record<string, string> = {
  '|': 'a pipe (|)', '&': 'a background job (&)', '<': 'a redirection (<)', '>': 'a redirection (>)', '(': 'a subshell ( )', ')': 'a subshell ( )',
  '`': 'command substitution `…`', '*': 'filename expansion (*)', '?': 'filename expansion (?)', '#': 'a comment (#)', '\n': 'a script of several lines',
};

/** Shell mode (`sh -c`) or no shell (`ssh console -C`: only whitespace, quotes and backslashes are special). */
function tokenize(src: string, shell: boolean): Token[] {
  const unterminated = () => new ShellSyntaxError(shell ? 'syntax error: unterminated quoted string' : 'EOF found when expecting closing quote');
  const out: Token[] = [];
  let word: { word: Part[] } | null = null;
  const part = (p: Part) => {
    word ??= { word: [] };
    const prev = word.word[word.word.length - 1];
    if ('lit' in p && prev && 'lit' in prev) prev.lit += p.lit;
    else word.word.push(p);
  };
  const lit = (s: string) => part({ lit: s });
  const endWord = () => {
    if (word) out.push(word);
    word = null;
  };
  const dollar = (i: number, quoted: boolean): number => {
    const rest = src.slice(i + 1);
    const m = /^(?:\{([A-Za-z_][A-Za-z0-9_]*|\?)\}|([A-Za-z_][A-Za-z0-9_]*|\?))/.exec(rest);
    if (m) {
      part({ name: m[1] ?? m[2], quoted });
      return i + 1 + m[0].length;
    }
    if (rest.startsWith('(')) throw unsupported(rest[1] === '(' ? 'arithmetic expansion $((…))' : 'command substitution $(…)');
    if (rest.startsWith('{')) throw unsupported(`the parameter expansion $${/^\{[^}]*\}?/.exec(rest)![0]}`);
    if (/^[0-9#@*!$-]/.test(rest)) throw unsupported(`the special parameter $${rest[0]}`);
    lit('$');
    return i + 1;
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r' || (c === '\n' && !shell)) {
      endWord();
      i++;
    } else if (c === "'") {
      const end = src.indexOf("'", i + 1);
      if (end < 0) throw unterminated();
      lit(src.slice(i + 1, end));
      i = end + 1;
    } else if (c === '"') {
      lit('');
      for (i++; src[i] !== '"'; i++) {
        if (i >= src.length) throw unterminated();
        if (src[i] === '\\' && '$`"\\\n'.includes(src[i + 1] ?? '')) {
          i++;
          if (!shell || src[i] !== '\n') lit(src[i]);
        } else if (shell && src[i] === '$') i = dollar(i, true) - 1;
        else if (shell && src[i] === '`') throw unsupported('command substitution `…`');
        else lit(src[i]);
      }
      i++;
    } else if (c === '\\') {
      if (shell && src[i + 1] === '\n') throw unsupported(REFUSED_CHARS['\n']);
      lit(src[i + 1] ?? '\\');
      i += 2;
    } else if (!shell) {
      lit(c);
      i++;
    } else if (c === ';') {
      endWord();
      out.push({ op: ';' });
      i++;
    } else if (src.startsWith('&&', i) || src.startsWith('||', i)) {
      endWord();
      out.push({ op: c === '&' ? '&&' : '||' });
      i += 2;
    } else if (c === '$') i = dollar(i, false);
    else {
      if (REFUSED_CHARS[c] && (c !== '#' || word === null)) throw unsupported(REFUSED_CHARS[c]);
      if (c === '~' && word === null) throw unsupported('tilde expansion (~)');
      lit(c);
      i++;
    }
  }
  endWord();
  return out;
}

/** How `flyctl ssh console -C CMD` splits CMD: quotes group words, nothing else is special. */
export function splitNoShell(cmd: string): string[] {
  return tokenize(cmd, false).map((t) => ('word' in t ? t.word.map((p) => ('lit' in p ? p.lit : '')).join('') : ''));
}

/** Words that start something this shell does not run (keywords, `!`, builtins that change the shell), quoted or not. */
const REFUSED_WORDS = new Set([
  'if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'in', 'function', 'select', '{', '}', '[[', ']]', '!',
  'export', 'unset', 'set', 'cd', 'read', 'eval', 'exec', 'source', '.', 'local', 'alias', 'trap', 'shift', 'wait', 'time', 'exit', 'return',
]);

interface Command {
  /** How this command joins the previous one (`;`: it runs whatever the previous status). */
  op: ';' | '&&' | '||';
  words: Part[][];
}

/** The script as a list of commands, every refusal found before anything runs. */
function parse(script: string): Command[] {
  const list: Command[] = [];
  let prev: 'start' | 'word' | ';' | '&&' | '||' = 'start';
  for (const t of tokenize(script, true)) {
    if ('word' in t) {
      if (prev === 'word') list[list.length - 1].words.push(t.word);
      else {
        const first = t.word[0];
        if ('lit' in first && REFUSED_WORDS.has(first.lit)) throw unsupported(`"${first.lit}"`);
        if ('lit' in first && /^[A-Za-z_][A-Za-z0-9_]*=/.test(first.lit)) throw unsupported('a variable assignment (NAME=value)');
        list.push({ op: prev === '&&' || prev === '||' ? prev : ';', words: [t.word] });
      }
      prev = 'word';
    } else if (prev === 'word') prev = t.op;
    else throw new ShellSyntaxError(`syntax error: unexpected "${t.op}"`);
  }
  if (prev === '&&' || prev === '||') throw new ShellSyntaxError('syntax error: unexpected end of file');
  return list;
}

/** A word's fields: unquoted expansions are split at whitespace, quoted ones are not; `""` is one empty field. */
function expand(parts: Part[], value: (name: string) => string): string[] {
  const fields: string[] = [];
  let cur: string | undefined;
  for (const p of parts) {
    const split = 'name' in p && !p.quoted;
    const pieces = split ? value(p.name).split(/[ \t\n]/) : ['lit' in p ? p.lit : value(p.name)];
    pieces.forEach((piece, i) => {
      if (i > 0 && cur !== undefined) fields.push(cur);
      if (i > 0) cur = undefined;
      if (piece !== '' || !split) cur = (cur ?? '') + piece;
    });
  }
  if (cur !== undefined) fields.push(cur);
  return fields;
}

/** `sh -c SCRIPT`: its status; a refused or malformed script prints `sh: …` and gives 2. */
export async function runShell(script: string, container: Container, io: ShellIo, signal: AbortSignal): Promise<number> {
  let list: Command[];
  try {
    list = parse(script);
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e;
    io.err(`sh: ${e.message}\n`);
    return 2;
  }
  let status = 0;
  for (const cmd of list) {
    if ((cmd.op === '&&' && status !== 0) || (cmd.op === '||' && status === 0)) continue;
    if (signal.aborted) return 143;
    const argv = cmd.words.flatMap((w) => expand(w, (name) => (name === '?' ? String(status) : container.env[name] ?? '')));
    if (argv.length === 0) continue;
    status = await execCommand(argv, container, io, signal, (name) => `sh: ${name}: not found`);
  }
  return status;
}

/** Runs one program by argv (no shell): the busybox builtins the scripts use, then the container's programs. */
export async function execCommand(argv: string[], container: Container, io: ShellIo, signal: AbortSignal, notFound: (name: string) => string): Promise<number> {
  const [name, ...args] = argv;
  if (name === 'true' || name === ':') return 0;
  if (name === 'false') return 1;
  if (name === 'echo') {
    if (/^-[neE]+$/.test(args[0] ?? '')) return refuse({ argv, io }, 'echo WORDS');
    io.out(args.join(' ') + '\n');
    return 0;
  }
  const impl = container.commands[name] ?? container.commands[name.replace(/^\/(usr\/)?(s?bin)\//, '')];
  if (!impl) {
    io.err(`${notFound(name)} (the Beacon simulator's container runs: echo true false ${Object.keys(container.commands).join(' ')})\n`);
    return 127;
  }
  return impl({
    argv,
    io,
    signal,
    exec: (a, s) => execCommand(a, container, io, s, (n) => `${name}: can't execute '${n}': No such file or directory`),
  });
}
