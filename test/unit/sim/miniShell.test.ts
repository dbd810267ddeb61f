import * as assert from 'node:assert/strict';
import { type CommandImpl, MiniShell, splitNoShell } from '../../../src/sim/miniShell';
import { loadBuiltinRunbook, findStep } from '../../../src/runbook/load';
import type { ShellProbe } from '../../../src/runbook/schema';

interface Run {
  code: number;
  out: string;
  err: string;
  calls: string[][];
}

async function sh(script: string, opts: { env?: Record<string, string>; status?: Record<string, number>; commands?: Record<string, CommandImpl> } = {}): Promise<Run> {
  const calls: string[][] = [];
  const record = (name: string): CommandImpl => async (ctx) => {
    calls.push(ctx.argv);
    if (name === 'args') ctx.io.out(ctx.argv.slice(1).map((a) => `<${a}>`).join('') + '\n');
    if (name === 'cat') ctx.io.out(ctx.stdin);
    if (name === 'printenv') ctx.io.out(Object.entries(ctx.env).map(([k, v]) => `${k}=${v}\n`).join(''));
    if (name === 'upper') ctx.io.out(ctx.stdin.toUpperCase());
    if (name === 'fail') ctx.io.err('fail: boom\n');
    return opts.status?.[name] ?? (name === 'fail' ? 1 : 0);
  };
  const commands: Record<string, CommandImpl> = {};
  for (const n of ['args', 'cat', 'printenv', 'upper', 'fail', 'nslookup', 'curl', 'timeout']) commands[n] = record(n);
  Object.assign(commands, opts.commands);
  let out = '';
  let err = '';
  const shell = new MiniShell({ env: { HOME: '/root', ...opts.env }, commands });
  const code = await shell.run(script, { out: (s) => (out += s), err: (s) => (err += s) }, new AbortController().signal);
  return { code, out, err, calls };
}

describe('sim/miniShell', () => {
  describe('quoting and expansion', () => {
    it('double quotes expand $VAR; single quotes do not; backslash escapes in double quotes', async () => {
      const r = await sh(`echo "HYBRID_BASE=$HYBRID_BASE"; echo '$HOME' "\\$HOME" "a\\"b" "c\\d"`, { env: { HYBRID_BASE: 'http://r' } });
      assert.equal(r.out, 'HYBRID_BASE=http://r\n$HOME $HOME a"b c\\d\n');
      assert.equal(r.code, 0);
    });

    it('an unset variable expands to nothing; ${VAR:-default}; ${VAR}', async () => {
      const r = await sh('echo "A=$NOPE." ${NOPE:-def} ${HOME}x ${EMPTY:-e} ${EMPTY-u}', { env: { EMPTY: '' } });
      assert.equal(r.out, 'A=. def /rootx e\n');
    });

    it('unquoted expansions are split into fields, quoted ones are not; "" is one empty argument', async () => {
      const r = await sh('X="a  b"; args $X "$X" "" $NOPE');
      assert.equal(r.out, '<a><b><a  b><>\n');
    });

    it('$? is the last status; && and || short-circuit', async () => {
      const r = await sh('false; echo "s=$?"; true && echo yes; false && echo no; false || echo alt; true || echo never; fail || echo "after=$?"');
      assert.equal(r.out, 's=1\nyes\nalt\nafter=1\n');
      assert.equal(r.err, 'fail: boom\n');
    });

    it('command substitution with $(…) and backquotes, trailing newlines removed', async () => {
      const r = await sh('echo "[$(echo hi)]" `echo there`; X=$(echo a b); args $X');
      assert.equal(r.out, '[hi] there\n<a><b>\n');
    });

    it('comments, newlines and line continuations (a multi-line script)', async () => {
      const r = await sh('# a comment\necho one # trailing\n\necho \\\n  two\n');
      assert.equal(r.out, 'one\ntwo\n');
    });

    it('prefix assignments reach the command only; export makes a variable visible to commands', async () => {
      const r = await sh('A=1 printenv; echo "A=$A"; B=2; printenv; export B; printenv', { env: {} });
      const blocks = r.out.split('A=\n');
      assert.match(blocks[0], /^HOME=\/root\nA=1\n$/);
      assert.equal(blocks[1], 'HOME=/root\nHOME=/root\nB=2\n');
    });

    it('special parameters $0, $1, $#, $$', async () => {
      const shell = new MiniShell({ env: {}, commands: {}, argv0: 'probe', args: ['x', 'y'] });
      let out = '';
      await shell.run('echo $0 $1 $2 $# $$', { out: (s) => (out += s), err: () => undefined }, new AbortController().signal);
      assert.equal(out, 'probe x y 2 313\n');
    });
  });

  describe('commands, pipes and redirections', () => {
    it('an unknown command: "sh: NAME: not found", status 127, and || runs', async () => {
      const r = await sh('nope arg; echo "st=$?"; nope || echo FALLBACK');
      assert.equal(r.err, 'sh: nope: not found\nsh: nope: not found\n');
      assert.equal(r.out, 'st=127\nFALLBACK\n');
      assert.equal(r.code, 0);
    });

    it('pipes feed stdout to the next command; the status is the last one\'s', async () => {
      const r = await sh('echo abc | upper | cat; echo x | fail', {});
      assert.equal(r.out, 'ABC\n');
      assert.equal(r.code, 1);
    });

    it('2>&1, >/dev/null, 2>/dev/null and a file it cannot create', async () => {
      const r = await sh('fail 2>&1; echo hidden >/dev/null; fail 2>/dev/null; echo "st=$?"; echo x > /tmp/f; echo "st=$?"');
      assert.equal(r.out, 'fail: boom\nst=1\nst=1\n');
      assert.match(r.err, /^sh: can't create \/tmp\/f: Read-only file system/);
    });

    it('echo -n and -e', async () => {
      assert.equal((await sh('echo -n a; echo -e "b\\tc"; echo "d\\ne"')).out, 'ab\tc\nd\\ne\n');
    });

    it('exit N stops the script', async () => {
      const r = await sh('echo a; exit 3; echo b');
      assert.equal(r.out, 'a\n');
      assert.equal(r.code, 3);
    });
  });

  describe('what it refuses (syntax errors, status 2)', () => {
    const cases: [string, RegExp][] = [
      ['echo "unterminated', /^sh: syntax error: unterminated quoted string\n$/],
      ["echo 'unterminated", /^sh: syntax error: unterminated quoted string\n$/],
      ['echo a &&', /^sh: syntax error: unexpected end of file\n$/],
      ['if true; then echo y; fi', /^sh: syntax error: "if" is not supported/],
      ['for x in a; do echo $x; done', /^sh: syntax error: "for" is not supported/],
      ['(echo sub)', /^sh: syntax error: subshells/],
      ['sleep 1 &', /^sh: syntax error: background jobs/],
      ['echo $((1+2))', /^sh: syntax error: arithmetic expansion/],
    ];
    for (const [script, re] of cases) {
      it(script, async () => {
        const r = await sh(script);
        assert.equal(r.code, 2);
        assert.match(r.err, re);
        assert.equal(r.out, '');
      });
    }
  });

  describe('the runbook\'s scripts', () => {
    const script = (stepId: string, checkId: string) => {
      const probe = findStep(loadBuiltinRunbook(), stepId)!.checks.find((c) => c.id === checkId)!.probe as ShellProbe;
      const cmd = probe.argv[probe.argv.indexOf('-C') + 1].replace(/\$\{router\.host\}/g, '127.0.0.1').replace(/\$\{router\.url\}/g, 'http://127.0.0.1:4000');
      const argv = splitNoShell(cmd);
      assert.deepEqual(argv.slice(0, 2), ['sh', '-c'], 'the command is wrapped in sh -c');
      assert.equal(argv.length, 3);
      return argv[2];
    };

    it('0.1: prints the six variables with their values', async () => {
      const r = await sh(script('0.1', 'hybrid-env'), { env: { HYBRID_BASE: 'http://b', HYBRID_ROUTER_TIMEOUT: '5', DATABASE_URL: 'postgres://secret' } });
      assert.equal(r.out, 'HYBRID_BASE=http://b\nHYBRID_ROUTER_URL=\nENABLE_HYBRID_DEFAULT=\nHYBRID_ROUTER_DISABLE=\nHYBRID_ROUTER_TIMEOUT=5\nHYBRID_TIMEOUT=\n');
      assert.ok(!r.out.includes('secret'));
    });

    it('1.6: runs nslookup, curl with the exact JSON body, and timeout 5 curl; || branches on failure', async () => {
      const r = await sh(script('1.6', 'container-dns'), { status: { curl: 7, nslookup: 0, timeout: 124 } });
      assert.deepEqual(r.calls[0], ['nslookup', '127.0.0.1']);
      assert.deepEqual(r.calls[1], ['curl', '-sS', '-m', '10', '-w', '\\nHTTP_STATUS=%{http_code} TIME_TOTAL=%{time_total}\\n', 'http://127.0.0.1:4000/health']);
      assert.deepEqual(r.calls[2].slice(0, 3), ['timeout', '5', 'curl']);
      const body = r.calls[2][r.calls[2].indexOf('-d') + 1];
      assert.deepEqual(JSON.parse(body), { model: 'llama3.2-1b', prompt: 'test', temperature: 0.1, max_tokens: 100, cost_priority: true });
      assert.equal(r.calls[2][r.calls[2].indexOf('-H') + 1], 'Content-Type: application/json');
      assert.equal(r.calls[2][r.calls[2].length - 1], 'http://127.0.0.1:4000/inference');
      assert.equal(r.out, '== DNS\n== HEALTH\nHEALTH_FAILED exit=7\n== INFERENCE\nINFERENCE_FAILED exit=124\n', '$? after || is the failed command\'s status');
    });
  });

  describe('splitNoShell: flyctl ssh console -C without a shell', () => {
    it('quotes group words; $, | and ; are literal arguments', () => {
      assert.deepEqual(splitNoShell('env | grep HYBRID'), ['env', '|', 'grep', 'HYBRID']);
      assert.deepEqual(splitNoShell('echo $HOME; ls'), ['echo', '$HOME;', 'ls']);
      assert.deepEqual(splitNoShell(`sh -c 'echo "$A"; echo b'`), ['sh', '-c', 'echo "$A"; echo b']);
      assert.deepEqual(splitNoShell('echo "a b" c\\ d "e\\"f"'), ['echo', 'a b', 'c d', 'e"f']);
      assert.deepEqual(splitNoShell('  free   -m '), ['free', '-m']);
      assert.throws(() => splitNoShell('echo "x'), /closing quote/);
    });
  });
});
