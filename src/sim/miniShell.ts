/**
 * A small, honest interpreter for the subset of busybox `sh` the runbook's `sh -c '…'` scripts use:
 * simple commands joined by `;`, newlines, `&&`, `||` and `|`; single and double quotes (backslash
 * escapes in double quotes); `$VAR`, `${VAR}`, `${VAR:-word}`, `$?` and the other special
 * parameters; `$(…)` and backquotes; `VAR=value` assignments; `#` comments; `N>/dev/null`, `N>&M`.
 * Anything else (if/for/while/case, subshells, background jobs) is refused with a syntax error
 * rather than silently misread; an unknown command prints `sh: NAME: not found` and exits 127.
 *
 * Also `splitNoShell()`: how `flyctl ssh console -C` splits a command when no shell is involved
 * (quotes group words, nothing is expanded, `|` and `;` are plain arguments).
 */

export interface ShellIo {
  out(s: string): void;
  err(s: string): void;
}

export interface CommandContext {
  argv: string[];
  /** The command's environment: exported variables plus its prefix assignments. */
  env: Record<string, string>;
  io: ShellIo;
  stdin: string;
  signal: AbortSignal;
  /** Runs another command by argv (for `env`, `timeout`): builtins and the command table, no shell parsing. */
  exec(argv: string[], opts?: { env?: Record<string, string>; signal?: AbortSignal; io?: ShellIo }): Promise<number>;
}

export type CommandImpl = (ctx: CommandContext) => Promise<number>;

export class ShellSyntaxError extends Error {}

// ------------------------------------------------------------------ lexer

type Part =
  | { k: 'lit'; s: string; q: boolean }
  | { k: 'var'; name: string; q: boolean; op?: ':-' | '-' | ':+' | '+'; word?: Part[] }
  | { k: 'cmd'; src: string; q: boolean }
  | { k: 'tilde' };

interface WordTok {
  t: 'word';
  parts: Part[];
}
interface OpTok {
  t: 'op';
  v: string;
}
interface RedirTok {
  t: 'redir';
  fd: number;
  op: '>' | '>>' | '<' | '>&' | '<&';
}
type Token = WordTok | OpTok | RedirTok;

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

class Lexer {
  private i = 0;
  constructor(private readonly src: string) {}

  tokens(): Token[] {
    const out: Token[] = [];
    const s = this.src;
    let cur: Part[] | null = null;
    let curRaw = '';
    const lit = (text: string, q: boolean) => {
      if (!cur) cur = [];
      const last = cur[cur.length - 1];
      if (last && last.k === 'lit' && last.q === q) last.s += text;
      else cur.push({ k: 'lit', s: text, q });
      if (!q) curRaw += text;
      else curRaw += '\u0000';
    };
    const endWord = () => {
      if (cur) out.push({ t: 'word', parts: cur });
      cur = null;
      curRaw = '';
    };
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === ' ' || c === '\t') {
        endWord();
        this.i++;
        continue;
      }
      if (c === '\n') {
        endWord();
        out.push({ t: 'op', v: '\n' });
        this.i++;
        continue;
      }
      if (c === '#' && cur === null) {
        while (this.i < s.length && s[this.i] !== '\n') this.i++;
        continue;
      }
      if (c === '\\') {
        if (s[this.i + 1] === '\n') {
          this.i += 2;
          continue;
        }
        if (this.i + 1 >= s.length) {
          lit('\\', false);
          this.i++;
          continue;
        }
        lit(s[this.i + 1], true);
        this.i += 2;
        continue;
      }
      if (c === "'") {
        const end = s.indexOf("'", this.i + 1);
        if (end < 0) throw new ShellSyntaxError('syntax error: unterminated quoted string');
        lit(s.slice(this.i + 1, end), true);
        this.i = end + 1;
        continue;
      }
      if (c === '"') {
        this.i++;
        if (!cur) cur = [];
        const parts = this.doubleQuoted();
        (cur as Part[]).push(...parts);
        if (parts.length === 0) (cur as Part[]).push({ k: 'lit', s: '', q: true });
        curRaw += '\u0000';
        continue;
      }
      if (c === '$') {
        if (!cur) cur = [];
        (cur as Part[]).push(this.dollar(false));
        curRaw += '\u0000';
        continue;
      }
      if (c === '`') {
        if (!cur) cur = [];
        (cur as Part[]).push({ k: 'cmd', src: this.backquote(), q: false });
        curRaw += '\u0000';
        continue;
      }
      if (c === '~' && cur === null) {
        cur = [{ k: 'tilde' }];
        curRaw = '~';
        this.i++;
        continue;
      }
      if (c === '>' || c === '<') {
        let fd = c === '>' ? 1 : 0;
        if (cur && /^\d+$/.test(curRaw) && curRaw.length > 0) {
          fd = Number(curRaw);
          cur = null;
          curRaw = '';
        } else endWord();
        const two = s.slice(this.i, this.i + 2);
        let op: RedirTok['op'];
        if (two === '>>') op = '>>';
        else if (two === '>&') op = '>&';
        else if (two === '<&') op = '<&';
        else if (two === '>|') op = '>';
        else op = c === '>' ? '>' : '<';
        this.i += op.length === 2 || two === '>|' ? 2 : 1;
        out.push({ t: 'redir', fd, op });
        continue;
      }
      if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
        endWord();
        const two = s.slice(this.i, this.i + 2);
        if (two === '&&' || two === '||' || two === ';;') {
          out.push({ t: 'op', v: two });
          this.i += 2;
        } else {
          out.push({ t: 'op', v: c });
          this.i++;
        }
        continue;
      }
      lit(c, false);
      this.i++;
    }
    endWord();
    return out;
  }

  /** After an opening `"`: up to the closing one. */
  private doubleQuoted(): Part[] {
    const s = this.src;
    const parts: Part[] = [];
    const lit = (t: string) => {
      const last = parts[parts.length - 1];
      if (last && last.k === 'lit') last.s += t;
      else parts.push({ k: 'lit', s: t, q: true });
    };
    for (;;) {
      if (this.i >= s.length) throw new ShellSyntaxError('syntax error: unterminated quoted string');
      const c = s[this.i];
      if (c === '"') {
        this.i++;
        return parts;
      }
      if (c === '\\') {
        const n = s[this.i + 1];
        if (n === undefined) throw new ShellSyntaxError('syntax error: unterminated quoted string');
        if (n === '\n') this.i += 2;
        else if ('$`"\\'.includes(n)) {
          lit(n);
          this.i += 2;
        } else {
          lit('\\' + n);
          this.i += 2;
        }
        continue;
      }
      if (c === '$') {
        parts.push(this.dollar(true));
        continue;
      }
      if (c === '`') {
        parts.push({ k: 'cmd', src: this.backquote(), q: true });
        continue;
      }
      lit(c);
      this.i++;
    }
  }

  /** At a `$`. */
  private dollar(q: boolean): Part {
    const s = this.src;
    const n = s[this.i + 1];
    if (n === '(') {
      if (s[this.i + 2] === '(') throw new ShellSyntaxError('syntax error: arithmetic expansion $((…)) is not supported by the Beacon simulator\'s shell');
      const end = matchParen(s, this.i + 2);
      if (end < 0) throw new ShellSyntaxError('syntax error: unterminated $(…)');
      const src = s.slice(this.i + 2, end);
      this.i = end + 1;
      return { k: 'cmd', src, q };
    }
    if (n === '{') {
      const end = s.indexOf('}', this.i + 2);
      if (end < 0) throw new ShellSyntaxError('syntax error: missing }');
      const body = s.slice(this.i + 2, end);
      this.i = end + 1;
      const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]|[?$#!@*-])(?:(:-|-|:\+|\+)([\s\S]*))?$/.exec(body);
      if (!m) throw new ShellSyntaxError(`\${${body}}: bad substitution`);
      const part: Part = { k: 'var', name: m[1], q };
      if (m[2]) {
        part.op = m[2] as ':-' | '-' | ':+' | '+';
        part.word = new Lexer(m[3] ?? '').wordParts(q);
      }
      return part;
    }
    if (n !== undefined && NAME_START.test(n)) {
      let j = this.i + 1;
      while (j < s.length && NAME_CHAR.test(s[j])) j++;
      const name = s.slice(this.i + 1, j);
      this.i = j;
      return { k: 'var', name, q };
    }
    if (n !== undefined && /[0-9?$#!@*-]/.test(n)) {
      this.i += 2;
      return { k: 'var', name: n, q };
    }
    this.i++;
    return { k: 'lit', s: '$', q: true };
  }

  /** The parts of a `${VAR:-word}` word (no splitting into several words). */
  wordParts(q: boolean): Part[] {
    const parts: Part[] = [];
    const s = this.src;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === '$') parts.push(this.dollar(q));
      else if (c === "'" && !q) {
        const end = s.indexOf("'", this.i + 1);
        if (end < 0) throw new ShellSyntaxError('syntax error: unterminated quoted string');
        parts.push({ k: 'lit', s: s.slice(this.i + 1, end), q: true });
        this.i = end + 1;
      } else if (c === '"' && !q) {
        this.i++;
        parts.push(...this.doubleQuoted());
      } else {
        parts.push({ k: 'lit', s: c, q });
        this.i++;
      }
    }
    return parts;
  }

  /** At a backquote: the command up to the closing one (with \` and \\ unescaped). */
  private backquote(): string {
    const s = this.src;
    let out = '';
    let j = this.i + 1;
    for (;;) {
      if (j >= s.length) throw new ShellSyntaxError('syntax error: unterminated quoted string');
      const c = s[j];
      if (c === '`') break;
      if (c === '\\' && (s[j + 1] === '`' || s[j + 1] === '\\' || s[j + 1] === '$')) {
        out += s[j + 1];
        j += 2;
        continue;
      }
      out += c;
      j++;
    }
    this.i = j + 1;
    return out;
  }
}

/** The index of the `)` closing a `$(` whose content starts at `start`, skipping quotes and nesting. */
function matchParen(s: string, start: number): number {
  let depth = 1;
  for (let j = start; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === "'") {
      const e = s.indexOf("'", j + 1);
      if (e < 0) return -1;
      j = e;
      continue;
    }
    if (c === '"') {
      for (j++; j < s.length && s[j] !== '"'; j++) if (s[j] === '\\') j++;
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && --depth === 0) return j;
  }
  return -1;
}

// ------------------------------------------------------------------ parser

interface Redirect {
  fd: number;
  op: RedirTok['op'];
  target: WordTok;
}
interface SimpleCommand {
  assigns: { name: string; value: Part[] }[];
  words: WordTok[];
  redirects: Redirect[];
  timed: boolean;
}
interface Pipeline {
  negate: boolean;
  commands: SimpleCommand[];
}
interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

const UNSUPPORTED_WORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'in', 'function', 'select', '{', '}', '[[', ']]']);

function literalText(w: WordTok): string | undefined {
  let out = '';
  for (const p of w.parts) {
    if (p.k !== 'lit' || p.q) return undefined;
    out += p.s;
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Token[]) {}

  parse(): AndOr[] {
    const list: AndOr[] = [];
    this.skipSeparators();
    while (this.i < this.toks.length) {
      list.push(this.andOr());
      const t = this.toks[this.i];
      if (!t) break;
      if (t.t === 'op' && (t.v === ';' || t.v === '\n')) {
        this.skipSeparators();
        continue;
      }
      if (t.t === 'op' && t.v === '&') throw new ShellSyntaxError('syntax error: background jobs (&) are not supported by the Beacon simulator\'s shell');
      throw new ShellSyntaxError(`syntax error: unexpected "${t.t === 'op' ? t.v : 'word'}"`);
    }
    return list;
  }

  private skipSeparators(): void {
    while (this.i < this.toks.length) {
      const t = this.toks[this.i];
      if (t.t === 'op' && (t.v === '\n' || t.v === ';')) {
        if (t.v === ';' && this.i === 0) throw new ShellSyntaxError('syntax error: unexpected ";"');
        this.i++;
      } else break;
    }
  }

  private skipNewlines(): void {
    while (this.toks[this.i]?.t === 'op' && (this.toks[this.i] as OpTok).v === '\n') this.i++;
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = this.toks[this.i];
      if (t?.t === 'op' && (t.v === '&&' || t.v === '||')) {
        this.i++;
        this.skipNewlines();
        if (this.i >= this.toks.length) throw new ShellSyntaxError('syntax error: unexpected end of file');
        rest.push({ op: t.v, pipeline: this.pipeline() });
      } else return { first, rest };
    }
  }

  private pipeline(): Pipeline {
    let negate = false;
    const t = this.toks[this.i];
    if (t?.t === 'word' && literalText(t) === '!') {
      negate = true;
      this.i++;
    }
    const commands = [this.command()];
    for (;;) {
      const n = this.toks[this.i];
      if (n?.t === 'op' && n.v === '|') {
        this.i++;
        this.skipNewlines();
        if (this.i >= this.toks.length) throw new ShellSyntaxError('syntax error: unexpected end of file');
        commands.push(this.command());
      } else return { negate, commands };
    }
  }

  private command(): SimpleCommand {
    const cmd: SimpleCommand = { assigns: [], words: [], redirects: [], timed: false };
    for (;;) {
      const t = this.toks[this.i];
      if (!t) break;
      if (t.t === 'op') {
        if (t.v === '(' || t.v === ')') throw new ShellSyntaxError(`syntax error: subshells "${t.v}" are not supported by the Beacon simulator's shell`);
        if (t.v === ';;') throw new ShellSyntaxError('syntax error: unexpected ";;"');
        break;
      }
      if (t.t === 'redir') {
        this.i++;
        const target = this.toks[this.i];
        if (!target || target.t !== 'word') throw new ShellSyntaxError(`syntax error: unexpected ${target ? (target.t === 'op' ? `"${target.v === '\n' ? 'newline' : target.v}"` : 'redirection') : 'newline'}`);
        this.i++;
        cmd.redirects.push({ fd: t.fd, op: t.op, target });
        continue;
      }
      const text = literalText(t);
      if (cmd.words.length === 0) {
        if (text !== undefined && UNSUPPORTED_WORDS.has(text)) {
          throw new ShellSyntaxError(`syntax error: "${text}" is not supported by the Beacon simulator's shell (it runs simple commands joined by ; && || |)`);
        }
        if (text === 'time' && !cmd.timed && cmd.assigns.length === 0) {
          cmd.timed = true;
          this.i++;
          continue;
        }
        const first = t.parts[0];
        if (first && first.k === 'lit' && !first.q) {
          const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.s);
          if (m) {
            const value: Part[] = [{ ...first, s: first.s.slice(m[0].length) }, ...t.parts.slice(1)];
            cmd.assigns.push({ name: m[1], value });
            this.i++;
            continue;
          }
        }
      }
      cmd.words.push(t);
      this.i++;
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirects.length === 0) {
      const t = this.toks[this.i];
      throw new ShellSyntaxError(t ? `syntax error: unexpected "${t.t === 'op' ? (t.v === '\n' ? 'newline' : t.v) : 'word'}"` : 'syntax error: unexpected end of file');
    }
    return cmd;
  }
}

// ------------------------------------------------------------------ interpreter

class ExitRequest {
  constructor(readonly code: number) {}
}

const BUILTINS = new Set(['echo', 'exit', 'export', 'unset', 'true', 'false', ':', 'cd', 'pwd']);

export interface MiniShellOptions {
  /** The process environment (all exported). */
  env: Record<string, string>;
  commands: Record<string, CommandImpl>;
  /** `$0` and the positional parameters (`sh -c 'script' name arg…`). */
  argv0?: string;
  args?: string[];
  pid?: number;
}

export class MiniShell {
  private vars = new Map<string, { value: string; exported: boolean }>();
  private status = 0;
  private cwd = '/';
  private readonly argv0: string;
  private readonly args: string[];
  private readonly pid: number;

  constructor(private readonly opts: MiniShellOptions) {
    for (const [k, v] of Object.entries(opts.env)) this.vars.set(k, { value: v, exported: true });
    this.argv0 = opts.argv0 ?? 'sh';
    this.args = opts.args ?? [];
    this.pid = opts.pid ?? 313;
    this.cwd = opts.env.PWD ?? opts.env.HOME ?? '/';
  }

  /** Runs a script; returns its exit status. Syntax errors print `sh: …` and give 2. */
  async run(script: string, io: ShellIo, signal: AbortSignal, stdin = ''): Promise<number> {
    let list: AndOr[];
    try {
      list = new Parser(new Lexer(script).tokens()).parse();
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        io.err(`sh: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
    try {
      for (const item of list) {
        if (signal.aborted) return 143;
        await this.andOr(item, io, signal, stdin);
      }
    } catch (e) {
      if (e instanceof ExitRequest) return e.code;
      if (e instanceof ShellSyntaxError) {
        io.err(`sh: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
    return this.status;
  }

  /** Runs one command by argv with no shell parsing (the builtins and the command table). */
  exec(argv: string[], io: ShellIo, signal: AbortSignal, opts: { env?: Record<string, string>; stdin?: string; notFound?: (name: string) => string } = {}): Promise<number> {
    return this.execArgv(argv, opts.env ?? this.exportedEnv(), io, signal, opts.stdin ?? '', opts.notFound);
  }

  exportedEnv(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [k, v] of this.vars) if (v.exported) env[k] = v.value;
    return env;
  }

  private async andOr(item: AndOr, io: ShellIo, signal: AbortSignal, stdin: string): Promise<void> {
    this.status = await this.pipeline(item.first, io, signal, stdin);
    for (const r of item.rest) {
      if ((r.op === '&&' && this.status === 0) || (r.op === '||' && this.status !== 0)) {
        this.status = await this.pipeline(r.pipeline, io, signal, stdin);
      }
    }
  }

  private async pipeline(p: Pipeline, io: ShellIo, signal: AbortSignal, stdin: string): Promise<number> {
    let input = stdin;
    let status = 0;
    for (let i = 0; i < p.commands.length; i++) {
      const last = i === p.commands.length - 1;
      if (last) status = await this.command(p.commands[i], io, signal, input);
      else {
        let captured = '';
        await this.command(p.commands[i], { out: (s) => (captured += s), err: io.err }, signal, input);
        input = captured;
      }
    }
    return p.negate ? (status === 0 ? 1 : 0) : status;
  }

  private async command(cmd: SimpleCommand, io: ShellIo, signal: AbortSignal, stdin: string): Promise<number> {
    const started = Date.now();
    const argv: string[] = [];
    for (const w of cmd.words) argv.push(...(await this.expandWord(w.parts, signal)));
    const assigns: [string, string][] = [];
    for (const a of cmd.assigns) assigns.push([a.name, (await this.expandWord(a.value, signal, false)).join('')]);
    let cmdIo = io;
    let input = stdin;
    for (const r of cmd.redirects) {
      const target = (await this.expandWord(r.target.parts, signal, false)).join('');
      const applied = this.redirect(r, target, cmdIo, io);
      if ('error' in applied) {
        io.err(`sh: ${applied.error}\n`);
        return 1;
      }
      cmdIo = applied.io;
      if (applied.stdin !== undefined) input = applied.stdin;
    }
    let status: number;
    if (argv.length === 0) {
      for (const [k, v] of assigns) this.setVar(k, v);
      status = cmd.words.length ? 0 : this.status;
    } else {
      const env = this.exportedEnv();
      for (const [k, v] of assigns) env[k] = v;
      status = await this.execArgv(argv, env, cmdIo, signal, input);
    }
    if (cmd.timed) {
      const secs = (Date.now() - started) / 1000;
      const m = Math.floor(secs / 60);
      io.err(`real\t${m}m ${(secs - m * 60).toFixed(2)}s\nuser\t0m 0.00s\nsys\t0m 0.00s\n`);
    }
    return status;
  }

  private redirect(r: Redirect, target: string, cur: ShellIo, orig: ShellIo): { io: ShellIo; stdin?: string } | { error: string } {
    const sink = (fd: number): ((s: string) => void) | undefined => (fd === 1 ? cur.out : fd === 2 ? cur.err : undefined);
    const withFd = (fd: number, w: (s: string) => void): ShellIo => (fd === 1 ? { out: w, err: cur.err } : fd === 2 ? { out: cur.out, err: w } : cur);
    if (r.op === '>&' || r.op === '<&') {
      if (target === '-') return { io: withFd(r.fd, () => undefined) };
      const to = /^\d+$/.test(target) ? sink(Number(target)) : undefined;
      if (!to) return { error: `${target}: bad file descriptor` };
      return { io: withFd(r.fd, to) };
    }
    if (r.op === '<') {
      if (target === '/dev/null') return { io: cur, stdin: '' };
      return { error: `can't open '${target}': No such file or directory` };
    }
    if (target === '/dev/null') return { io: withFd(r.fd, () => undefined) };
    if (target === '/dev/stderr') return { io: withFd(r.fd, orig.err) };
    if (target === '/dev/stdout') return { io: withFd(r.fd, orig.out) };
    return { error: `can't create ${target}: Read-only file system (the Beacon simulator models no container file system)` };
  }

  private setVar(name: string, value: string, exported?: boolean): void {
    const prev = this.vars.get(name);
    this.vars.set(name, { value, exported: exported ?? prev?.exported ?? false });
  }

  private special(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.status);
      case '$':
        return String(this.pid);
      case '#':
        return String(this.args.length);
      case '0':
        return this.argv0;
      case '@':
      case '*':
        return this.args.join(' ');
      case '!':
        return '';
      case '-':
        return 'c';
      default:
        if (/^[1-9]$/.test(name)) return this.args[Number(name) - 1] ?? '';
        return this.vars.get(name)?.value;
    }
  }

  /** Expands a word into fields (field splitting on unquoted expansions when `split`). */
  private async expandWord(parts: Part[], signal: AbortSignal, split = true): Promise<string[]> {
    const fields: string[] = [];
    let cur = '';
    let has = false;
    const addUnquoted = (v: string) => {
      if (!split) {
        cur += v;
        has = has || v !== '';
        return;
      }
      const chunks = v.split(/[ \t\n]+/);
      chunks.forEach((c, idx) => {
        if (idx > 0) {
          if (has || cur !== '') fields.push(cur);
          cur = '';
          has = false;
        }
        if (c !== '') {
          cur += c;
          has = true;
        }
      });
    };
    for (const p of parts) {
      if (p.k === 'lit') {
        cur += p.s;
        has = true;
      } else if (p.k === 'tilde') {
        cur += this.vars.get('HOME')?.value ?? '/';
        has = true;
      } else if (p.k === 'var') {
        let v = this.special(p.name);
        if (p.op) {
          const unsetOrEmpty = p.op.startsWith(':') ? v === undefined || v === '' : v === undefined;
          const alt = async () => (await this.expandWord(p.word ?? [], signal, false)).join('');
          if (p.op === ':-' || p.op === '-') v = unsetOrEmpty ? await alt() : v;
          else v = unsetOrEmpty ? '' : await alt();
        }
        v = v ?? '';
        if (p.q) {
          cur += v;
          has = true;
        } else addUnquoted(v);
      } else {
        let captured = '';
        const sub = new MiniShell({ env: this.exportedEnv(), commands: this.opts.commands, argv0: this.argv0, args: this.args, pid: this.pid + 1 });
        for (const [k, v] of this.vars) if (!v.exported) sub.setVar(k, v.value, false);
        this.status = await sub.run(p.src, { out: (s) => (captured += s), err: () => undefined }, signal);
        captured = captured.replace(/\n+$/, '');
        if (p.q) {
          cur += captured;
          has = true;
        } else addUnquoted(captured);
      }
    }
    if (has || cur !== '') fields.push(cur);
    return fields;
  }

  private async execArgv(argv: string[], env: Record<string, string>, io: ShellIo, signal: AbortSignal, stdin: string, notFound?: (name: string) => string): Promise<number> {
    const [name, ...args] = argv;
    if (BUILTINS.has(name)) return this.builtin(name, args, io, env);
    const impl = this.opts.commands[name] ?? this.opts.commands[name.replace(/^\/(usr\/)?(s?bin)\//, '')];
    if (!impl) {
      io.err(notFound ? notFound(name) : `sh: ${name}: not found\n`);
      return 127;
    }
    return impl({
      argv,
      env,
      io,
      stdin,
      signal,
      exec: (a, o = {}) => this.execArgv(a, o.env ?? env, o.io ?? io, o.signal ?? signal, '', (n) => `${argv[0]}: can't execute '${n}': No such file or directory\n`),
    });
  }

  private builtin(name: string, args: string[], io: ShellIo, env: Record<string, string>): number {
    switch (name) {
      case 'echo': {
        let a = args;
        let newline = true;
        let escapes = false;
        while (a.length && /^-[neE]+$/.test(a[0])) {
          for (const f of a[0].slice(1)) {
            if (f === 'n') newline = false;
            if (f === 'e') escapes = true;
            if (f === 'E') escapes = false;
          }
          a = a.slice(1);
        }
        let text = a.join(' ');
        if (escapes) text = text.replace(/\\(n|t|r|\\|a|b|e|0[0-7]{0,3})/g, (_m, e: string) => ({ n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', e: '\x1b' })[e] ?? String.fromCharCode(parseInt(e.slice(1) || '0', 8)));
        io.out(text + (newline ? '\n' : ''));
        return 0;
      }
      case 'true':
      case ':':
        return 0;
      case 'false':
        return 1;
      case 'exit': {
        const code = args[0] === undefined ? this.status : Number(args[0]);
        if (!Number.isInteger(code)) {
          io.err(`sh: exit: Illegal number: ${args[0]}\n`);
          throw new ExitRequest(2);
        }
        throw new ExitRequest(code & 255);
      }
      case 'export':
        for (const a of args) {
          const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=([\s\S]*))?$/.exec(a);
          if (!m) {
            io.err(`sh: export: bad variable name '${a}'\n`);
            return 1;
          }
          this.setVar(m[1], m[2] ?? this.vars.get(m[1])?.value ?? '', true);
        }
        return 0;
      case 'unset':
        for (const a of args) this.vars.delete(a);
        return 0;
      case 'cd':
        this.cwd = args[0] ?? env.HOME ?? '/';
        return 0;
      case 'pwd':
        io.out(this.cwd + '\n');
        return 0;
      default:
        return 127;
    }
  }
}

/**
 * How `flyctl ssh console -C CMD` splits CMD when no shell is involved: whitespace separates words,
 * single and double quotes group them (backslash escapes inside double quotes and outside quotes),
 * and nothing else is special: `$HOME`, `|`, `;` and `&&` reach the program as literal arguments.
 */
export function splitNoShell(cmd: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < cmd.length; i++) {
    const c = cmd[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else if (c === "'") {
      const end = cmd.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError('EOF found when expecting closing quote');
      cur += cmd.slice(i + 1, end);
      has = true;
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < cmd.length && cmd[j] !== '"'; j++) {
        if (cmd[j] === '\\' && j + 1 < cmd.length && '"\\$`\n'.includes(cmd[j + 1])) {
          j++;
        }
        cur += cmd[j];
      }
      if (j >= cmd.length) throw new ShellSyntaxError('EOF found when expecting closing quote');
      has = true;
      i = j;
    } else if (c === '\\' && i + 1 < cmd.length) {
      cur += cmd[++i];
      has = true;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}
