/**
 * The shell of the simulated runner container, reduced to what runbooks send through
 * `flyctl ssh console -C "sh -c '…'"`: commands joined by `;`, newlines, `&&` and `||`; single and
 * double quotes (backslash escapes); `$VAR`, `${VAR}` and `$?`; `#` comments. Anything else — pipes,
 * redirections, `$(…)`, `${VAR:-word}`, assignments, control structures — is refused before the
 * script runs (`sh: … is not supported by the Beacon simulator's shell`, status 2): an error, never
 * a different answer than busybox would give. An unknown command is `sh: NAME: not found` (127).
 *
 * `splitNoShell()` is the same tokenizer with only quotes special: how `ssh console -C` splits a
 * command when no shell is involved (`$HOME`, `|` and `;` reach the program as they are).
 */

export interface ShellIo {
  out(s: string): void;
  err(s: string): void;
}

export interface CommandContext {
  argv: string[];
  env: Record<string, string>;
  io: ShellIo;
  signal: AbortSignal;
  /** Runs another command by argv (for `env`, `timeout`): no shell parsing. */
  exec(argv: string[], opts?: { env?: Record<string, string>; signal?: AbortSignal; io?: ShellIo }): Promise<number>;
}

export type CommandImpl = (ctx: CommandContext) => Promise<number>;

/** The container a command runs in: its environment and its programs. */
export interface Container {
  env: Record<string, string>;
  commands: Record<string, CommandImpl>;
}

export class ShellSyntaxError extends Error {}

export const unsupported = (what: string) => new ShellSyntaxError(`${what} is not supported by the Beacon simulator's shell (it runs commands joined by ; && || with quotes and $VAR)`);

type Part = { lit: string } | { name: string; quoted: boolean };
/** `plain`: no quote, escape or expansion in the word (so `if` is the keyword, `"if"` is not). */
type Token = { word: Part[]; plain: boolean } | { op: ';' | '\n' | '&&' | '||' };

/** Shell mode (`sh -c`) or no shell (`ssh console -C`: only whitespace, quotes and backslashes are special). */
function tokenize(src: string, shell: boolean): Token[] {
  const unterminated = () => new ShellSyntaxError(shell ? 'syntax error: unterminated quoted string' : 'EOF found when expecting closing quote');
  const out: Token[] = [];
  let word: { word: Part[]; plain: boolean } | null = null;
  const part = (p: Part, quoted: boolean) => {
    word ??= { word: [], plain: true };
    word.plain &&= !quoted;
    const prev = word.word[word.word.length - 1];
    if ('lit' in p && prev && 'lit' in prev) prev.lit += p.lit;
    else word.word.push(p);
  };
  const lit = (s: string, quoted = true) => part({ lit: s }, quoted);
  const endWord = () => {
    if (word) out.push(word);
    word = null;
  };
  const dollar = (i: number, quoted: boolean): number => {
    const rest = src.slice(i + 1);
    const braced = /^\{([A-Za-z_][A-Za-z0-9_]*|\?)\}/.exec(rest);
    const name = braced?.[1] ?? /^(?:[A-Za-z_][A-Za-z0-9_]*|\?)/.exec(rest)?.[0];
    if (name !== undefined) {
      part({ name, quoted }, true);
      return i + 1 + (braced ? braced[0].length : name.length);
    }
    if (rest.startsWith('((')) throw unsupported('arithmetic expansion $((…))');
    if (rest.startsWith('(')) throw unsupported('command substitution $(…)');
    if (rest.startsWith('{')) throw unsupported(`the parameter expansion $${/^\{[^}]*\}?/.exec(rest)![0]}`);
    if (/^[0-9#@*!$-]/.test(rest)) throw unsupported(`the special parameter $${rest[0]}`);
    lit('$', quoted);
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
      if (shell && src[i + 1] === '\n') i += 2;
      else {
        lit(src[i + 1] ?? '\\');
        i += 2;
      }
    } else if (!shell) {
      lit(c, false);
      i++;
    } else if (c === '\n' || c === ';') {
      endWord();
      out.push({ op: c as ';' | '\n' });
      i++;
    } else if (src.startsWith('&&', i) || src.startsWith('||', i)) {
      endWord();
      out.push({ op: c === '&' ? '&&' : '||' });
      i += 2;
    } else if (c === '#' && word === null) {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '$') i = dollar(i, false);
    else {
      const refused: Record<string, string> = { '|': 'a pipe (|)', '&': 'a background job (&)', '<': 'a redirection (<)', '>': 'a redirection (>)', '(': 'a subshell ( )', ')': 'a subshell ( )', '`': 'command substitution `…`' };
      if (refused[c]) throw unsupported(refused[c]);
      if (c === '~' && word === null) throw unsupported('tilde expansion (~)');
      lit(c, false);
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

/** Words that start something this shell does not run (keywords, `!`, builtins that change the shell). */
const REFUSED_WORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'in', 'function', 'select', '{', '}', '[[', ']]', '!', 'export', 'unset', 'set', 'cd', 'read', 'eval', 'exec', 'source', '.', 'local', 'alias', 'trap', 'shift', 'wait', 'time']);

interface Command {
  /** How this command joins the previous one (`;`: it runs whatever the previous status). */
  op: ';' | '&&' | '||';
  words: Part[][];
}

/** The script as a list of commands, every refusal found before anything runs. */
function parse(script: string): Command[] {
  const list: Command[] = [];
  let prev: 'start' | 'word' | ';' | '\n' | '&&' | '||' = 'start';
  for (const t of tokenize(script, true)) {
    if ('word' in t) {
      if (prev === 'word') list[list.length - 1].words.push(t.word);
      else {
        const first = t.word[0];
        if (t.plain && 'lit' in first && REFUSED_WORDS.has(first.lit)) throw unsupported(`"${first.lit}"`);
        if ('lit' in first && /^[A-Za-z_][A-Za-z0-9_]*=/.test(first.lit)) throw unsupported('a variable assignment (NAME=value)');
        list.push({ op: prev === '&&' || prev === '||' ? prev : ';', words: [t.word] });
      }
      prev = 'word';
    } else if (t.op === '\n') {
      if (prev !== '&&' && prev !== '||') prev = '\n';
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
    if ('lit' in p || p.quoted) {
      cur = (cur ?? '') + ('lit' in p ? p.lit : value(p.name));
      continue;
    }
    value(p.name).split(/[ \t\n]/).forEach((piece, i) => {
      if (i > 0 && cur !== undefined) {
        fields.push(cur);
        cur = undefined;
      }
      if (piece !== '') cur = (cur ?? '') + piece;
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
    const last = status;
    const argv = cmd.words.flatMap((w) => expand(w, (name) => (name === '?' ? String(last) : container.env[name] ?? '')));
    if (argv.length === 0) continue;
    if (argv[0] === 'exit') {
      const code = argv[1] === undefined ? status : Number(argv[1]);
      if (Number.isInteger(code)) return code & 255;
      io.err(`sh: exit: Illegal number: ${argv[1]}\n`);
      return 2;
    }
    status = await execCommand(argv, container, io, signal, (name) => `sh: ${name}: not found\n`);
  }
  return status;
}

/** Runs one program by argv (no shell): the busybox builtins the scripts use, then the container's programs. */
export async function execCommand(argv: string[], container: Container, io: ShellIo, signal: AbortSignal, notFound: (name: string) => string, env = container.env): Promise<number> {
  const [name, ...args] = argv;
  if (name === 'true' || name === ':') return 0;
  if (name === 'false') return 1;
  if (name === 'echo') {
    let newline = true;
    let escapes = false;
    while (args.length && /^-[neE]+$/.test(args[0])) {
      for (const f of args.shift()!.slice(1)) [newline, escapes] = f === 'n' ? [false, escapes] : [newline, f === 'e'];
    }
    const text = args.join(' ');
    const escaped = (e: string) => ({ n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v' })[e] ?? String.fromCharCode(parseInt(e.slice(1) || '0', 8));
    io.out((escapes ? text.replace(/\\([ntr\\abefv]|0[0-7]{0,3})/g, (_m, e: string) => escaped(e)) : text) + (newline ? '\n' : ''));
    return 0;
  }
  const impl = container.commands[name] ?? container.commands[name.replace(/^\/(usr\/)?(s?bin)\//, '')];
  if (!impl) {
    io.err(notFound(name));
    return 127;
  }
  return impl({
    argv,
    env,
    io,
    signal,
    exec: (a, o = {}) => execCommand(a, container, o.io ?? io, o.signal ?? signal, (n) => `${name}: can't execute '${n}': No such file or directory\n`, o.env ?? env),
  });
}
