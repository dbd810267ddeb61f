/** `beacon-debug`: the command line over the same core as the extension. */
import { runDemoCommand } from './demoCommand';
import { runDiagnoseCommand } from './diagnoseCommand';
import { runInstrumentCommand } from './instrumentCommand';
import type { CliIo } from './io';
import { runListCommand, runRunCommand } from './runCommand';
import { runSimCommand } from './simCommand';

const USAGE = `Usage: beacon-debug <command> [options]

Commands:
  list [--json]                                  the runbook: phases, steps, checks
  run [--only quick-wins|phase-N|ID[,ID…]] [target] [--timeout S] [--json] [--report FILE]
                                                 run the checks and judge their output
  diagnose [target] [--json] [--report FILE]     run what the decision tree needs, name the root cause
  demo [--fault NAME[,NAME]] [--json] [--report FILE]
                                                 start the simulator, run the checks and the diagnosis against it
  sim [--fault NAME[,NAME]] [--runner-port N] [--router-port N]
                                                 serve the simulator until interrupted
  instrument FILE… [--step ID|all] [--remove] [--check] [--dry-run] [--json]
                                                 insert / remove / find the plan's Go instrumentation

Target: --env NAME (from ./beacon-debug.json or .vscode/settings.json), or
  --runner-url URL --router-url URL --fly-app APP [--router-app APP] [--flyctl PATH] [--psql PATH]
  --admin-token-env VAR  --database-url-env VAR  (read the secrets from these environment variables)

Exit codes: 0 nothing failed (diagnose/demo: healthy), 1 a check failed or a cause was found,
            2 usage or configuration error, 3 a check could not run or the diagnosis is undetermined.
`;

export async function main(argv: string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'list':
      return runListCommand(args, io);
    case 'run':
      return runRunCommand(args, io, signal);
    case 'diagnose':
      return runDiagnoseCommand(args, io, signal);
    case 'demo':
      return runDemoCommand(args, io, signal);
    case 'sim':
      return runSimCommand(args, io, signal);
    case 'instrument':
      return runInstrumentCommand(args, io);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      io.stdout(USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.stderr(`beacon-debug: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

if (require.main === module) {
  const abort = new AbortController();
  let interrupted = 0;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (++interrupted > 1) process.exit(130);
      abort.abort(new Error(`interrupted (${sig})`));
    });
  }
  main(process.argv.slice(2), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }, abort.signal).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`beacon-debug: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
