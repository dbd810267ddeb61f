import * as assert from 'node:assert/strict';
import { type CommandImpl, runShell, splitNoShell } from '../../../src/sim/miniShell';
import { findStep } from '../../../src/runbook/load';
import { loadBuiltinRunbook } from '../../../src/runbook/builtin';
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
    if (name === 'fail') ctx.io.err('fail: boom\n');
    return opts.status?.[name] ?? (name === 'fail' ? 1 : 0);
  };
  const commands: Record<string, CommandImpl> = {};
  for (const n of ['args', 'fail', 'nslookup', 'curl', 'timeout']) commands[n] = record(n);
  Object.assign(commands, opts.commands);
  let out = '';
  let err = '';
  const code = await runShell(script, { env: { HOME: '/root', ...opts.env }, commands }, { out: (t) => (out += t), err: (t) => (err += t) }, new AbortController().signal);
  return { code, out, err, calls };
}

describe('sim/miniShell', () => {
  describe('quoting and expansion', () => {
    it('double quotes expand $VAR; single quotes do not; backslash escapes in double quotes', async () => {
      const r = await sh(`echo "HYBRID_BASE=$HYBRID_BASE"; echo '$HOME' "\\$HOME" "a\\"b" "c\\d"`, { env: { HYBRID_BASE: 'http://r' } });
      assert.equal(r.out, 'HYBRID_BASE=http://r\n$HOME $HOME a"b c\\d\n');
      assert.equal(r.code, 0);
    });

    it('an unset variable expands to nothing; ${VAR} is $VAR', async () => {
      const r = await sh('echo "[$NOPE]" "${HOME}/x"');
      assert.equal(r.out, '[] /root/x\n');
    });

    it('unquoted expansions are split into fields, quoted ones are not; "" is one empty argument', async () => {
      const r = await sh('args $WORDS "$WORDS" ""', { env: { WORDS: 'a  b' } });
      assert.equal(r.out, '<a><b><a  b><>\n');
    });

    it('$? is the last status; && and || short-circuit', async () => {
      const r = await sh('fail; echo "s=$?"; fail && echo no || echo "yes $?"; true && echo ok');
      assert.equal(r.out, 's=1\nyes 1\nok\n');
      assert.equal(r.code, 0);
    });

    it('a # inside a word is a character, not a comment; a newline inside quotes is kept', async () => {
      const r = await sh(`args a#b "x\ny" 'p\nq'`);
      assert.equal(r.out, '<a#b><x\ny><p\nq>\n');
    });
  });

  describe('commands', () => {
    it('an unknown command: "sh: NAME: not found" with what the container has, status 127, and || runs', async () => {
      const r = await sh('nosuch arg || echo "missing $?"');
      assert.equal(r.err, "sh: nosuch: not found (the Beacon simulator's container runs: echo true false args fail nslookup curl timeout)\n");
      assert.equal(r.out, 'missing 127\n');
    });

    it('echo prints its words; its options (-n, -e, -E) are refused, never printed as words', async () => {
      const r = await sh('echo a "-n"; echo -n b; echo "st=$?"; echo -e "c\\td"');
      assert.equal(r.out, 'a -n\nst=2\n');
      const refused = (command: string) => `echo: "${command}" is not supported by the Beacon simulator (it runs: echo WORDS)\n`;
      assert.equal(r.err, refused('echo -n b') + refused('echo -e c\\td'));
      assert.equal(r.code, 2);
    });
  });

  describe('what it refuses: an error (status 2, nothing run), never an answer busybox would not give', () => {
    const cases: [string, RegExp][] = [
      ['echo "unterminated', /^sh: syntax error: unterminated quoted string\n$/],
      ["echo 'unterminated", /^sh: syntax error: unterminated quoted string\n$/],
      ['echo a &&', /^sh: syntax error: unexpected end of file\n$/],
      ['if true; then echo y; fi', /^sh: "if" is not supported by the Beacon simulator's shell/],
      ['for x in a; do echo $x; done', /^sh: "for" is not supported/],
      ['echo a | args', /^sh: a pipe \(\|\) is not supported/],
      ['echo a > /tmp/x', /^sh: a redirection \(>\) is not supported/],
      ['echo a 2>&1', /is not supported/],
      ['echo $(hostname)', /^sh: command substitution \$\(…\) is not supported/],
      ['echo `hostname`', /^sh: command substitution `…` is not supported/],
      ['echo "${NOPE:-w}"', /^sh: the parameter expansion \$\{NOPE:-w\} is not supported/],
      ['A=1 args', /^sh: a variable assignment \(NAME=value\) is not supported/],
      ['export A=1', /^sh: "export" is not supported/],
      ['(echo sub)', /^sh: a subshell \( \) is not supported/],
      ['sleep 1 &', /^sh: a background job \(&\) is not supported/],
      ['echo $((1+2))', /^sh: arithmetic expansion \$\(\(…\)\) is not supported/],
      ['echo $1', /^sh: the special parameter \$1 is not supported/],
      ['exit 3', /^sh: "exit" is not supported/],
      ['"if" true', /^sh: "if" is not supported/],
      ['echo *', /^sh: filename expansion \(\*\) is not supported/],
      ['args /etc/host?', /^sh: filename expansion \(\?\) is not supported/],
      ['echo a # comment', /^sh: a comment \(#\) is not supported/],
      ['echo a\necho b', /^sh: a script of several lines is not supported/],
      ['echo a \\\n b', /^sh: a script of several lines is not supported/],
    ];
    for (const [script, re] of cases) {
      it(script, async () => {
        const r = await sh(`echo before; ${script}`);
        assert.equal(r.code, 2);
        assert.match(r.err, re);
        assert.equal(r.out, '', 'nothing ran: the whole script is read before any of it runs');
        assert.deepEqual(r.calls, []);
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
