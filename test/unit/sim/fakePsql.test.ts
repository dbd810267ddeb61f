import * as assert from 'node:assert/strict';
import { startSimulator, type Simulator } from '../../../src/sim/simulator';
import { extract, pgEnv, runbookCheck, runTool, shellArgv } from './simTestUtil';

/** The parent's PG* variables must not leak into the fake psql's run. */
function envWith(vars: Record<string, string>): Record<string, string> {
  const cleared: Record<string, string> = {};
  for (const k of Object.keys(process.env)) if (/^PG/.test(k)) cleared[k] = '';
  return { ...cleared, ...vars };
}

describe('sim/fake psql (a real process)', function () {
  this.timeout(60000);
  let sim: Simulator;
  afterEach(async () => sim?.stop());

  it("answers 5.3's pg_stat_activity query in -A -t -F '|' form with credentials from PG* variables", async () => {
    sim = await startSimulator({});
    const check = runbookCheck('5.3', 'pg-activity');
    const argv = shellArgv(sim, check);
    assert.equal(argv[0], sim.psqlPath);
    const r = await runTool(argv[0], argv.slice(1), { env: envWith(pgEnv(sim.databaseUrl)) });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '0|3\n');
    assert.deepEqual(extract(check, r.stdout), { 'db.longTransactions': '0', 'db.activeQueries': '3' });
    sim.state.database.ageSession(4211, 900);
    const long = await runTool(argv[0], argv.slice(1), { env: envWith(pgEnv(sim.databaseUrl)) });
    assert.equal(long.stdout, '1|3\n');
  });

  it('a wrong password: FATAL password authentication failed, exit 2', async () => {
    sim = await startSimulator({});
    const argv = shellArgv(sim, runbookCheck('5.3', 'pg-activity'));
    const r = await runTool(argv[0], argv.slice(1), { env: envWith({ ...pgEnv(sim.databaseUrl), PGPASSWORD: 'wrong' }) });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'psql: error: connection to server at "127.0.0.1", port 5432 failed: FATAL:  password authentication failed for user "beacon"\n');
    const none = await runTool(argv[0], argv.slice(1), { env: envWith({ ...pgEnv(sim.databaseUrl), PGPASSWORD: '' }) });
    assert.match(none.stderr, /fe_sendauth: no password supplied/);
    const nohost = await runTool(argv[0], argv.slice(1), { env: envWith({}) });
    assert.match(nohost.stderr, /^psql: error: connection to server on socket "\/var\/run\/postgresql\/\.s\.PGSQL\.5432" failed: No such file or directory/);
    assert.equal(nohost.code, 2);
  });

  it('database-unavailable: connection refused, exit 2', async () => {
    sim = await startSimulator({ fault: 'database-unavailable' });
    const argv = shellArgv(sim, runbookCheck('5.3', 'pg-activity'));
    const r = await runTool(argv[0], argv.slice(1), { env: envWith(pgEnv(sim.databaseUrl)) });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'psql: error: connection to server at "127.0.0.1", port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n');
    assert.equal(r.stdout, '');
  });

  it('without -t: the header and the row count; any other query is an error, exit 1', async () => {
    sim = await startSimulator({});
    const argv = shellArgv(sim, runbookCheck('5.3', 'pg-activity'));
    const env = envWith(pgEnv(sim.databaseUrl));
    const r = await runTool(argv[0], argv.slice(1).filter((a) => a !== '-t'), { env });
    assert.equal(r.stdout, 'count|count\n0|3\n(1 row)\n');
    const other = await runTool(sim.psqlPath, ['-X', '-A', '-c', 'SELECT 1'], { env });
    assert.equal(other.code, 1);
    assert.match(other.stderr, /^ERROR: {2}the Beacon simulator's database answers only/);
    const v = await runTool(sim.psqlPath, ['--version']);
    assert.equal(v.stdout, 'psql (PostgreSQL) 16.4\n');
  });

  it("what Beacon Debug does not send is refused before connecting: the plan's URI argument (never echoed), aligned output, stdin, options", async () => {
    sim = await startSimulator({});
    const env = envWith(pgEnv(sim.databaseUrl));
    const plan = [
      'SELECT pid, now() - pg_stat_activity.query_start AS duration, query, state',
      'FROM pg_stat_activity',
      "WHERE state != 'idle'",
      'ORDER BY duration DESC',
      'LIMIT 10;',
    ].join('\n');
    const refused: [string[], string][] = [
      [[sim.databaseUrl, '-A', '-c', plan], "connection arguments are not supported by the Beacon simulator's psql: it connects with the PG* variables"],
      [['-c', plan], "aligned output is not supported by the Beacon simulator's psql: pass -A"],
      [['-X', '-A', '-t'], "reading SQL from standard input is not supported by the Beacon simulator's psql: pass it with -c"],
      [['-A', '-h', '127.0.0.1', '-c', 'SELECT 1'], "the option -h is not supported by the Beacon simulator's psql (it takes -X -A -t -F -c, and -V)"],
      [['-XAt', '-c', 'SELECT 1'], "the option -XAt is not supported by the Beacon simulator's psql (it takes -X -A -t -F -c, and -V)"],
      [['--frobnicate'], "the option --frobnicate is not supported by the Beacon simulator's psql (it takes -X -A -t -F -c, and -V)"],
      [['-A', '-c'], "option requires an argument -- 'c'"],
    ];
    for (const [args, error] of refused) {
      const r = await runTool(sim.psqlPath, args, { env });
      assert.deepEqual([r.code, r.stdout, r.stderr], [1, '', `psql: ${error}\n`], args.join(' '));
    }
  });
});
