/**
 * Entry point of the simulator's fake `flyctl` and `psql` (bundled to `dist/fakeTools.js`; from the
 * tsc output it is `out/src/sim/fakeTools.js`). The wrapper scripts the simulator writes run:
 *
 *   node fakeTools.js --sim-control <control url> flyctl|psql <args…>
 */
import { ControlClient } from './controlClient';
import { runFlyctl } from './fakeFlyctl';
import { runPsql } from './fakePsql';
import { errorMessage } from '../shared/errorMessage';

async function main(argv: string[]): Promise<number> {
  if (argv[0] !== '--sim-control' || !argv[1] || !argv[2]) {
    process.stderr.write('usage: fakeTools.js --sim-control URL flyctl|psql [args…]\n');
    return 2;
  }
  const control = new ControlClient(argv[1]);
  const tool = argv[2];
  const args = argv.slice(3);
  const io = { out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s) };
  if (tool === 'flyctl') return runFlyctl(args, control, io, { cwd: process.cwd() });
  if (tool === 'psql') return runPsql(args, control, io, process.env);
  process.stderr.write(`fakeTools: unknown tool "${tool}"\n`);
  return 2;
}

// a reader that went away (`| head`) is not an error
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`Error: ${errorMessage(e)}\n`);
    process.exitCode = 1;
  },
);
