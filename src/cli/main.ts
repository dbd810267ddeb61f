/**
 * `beacon-debug`: the command line over the same core as the extension. `main()` is what the
 * installed command (bin/beacon-debug.js) and `node dist/cli.js` run; `run()` is the same without the
 * process around it (tests). Each command's module loads when that command runs.
 */
import { EXIT } from '../engine/types';
import type { CliIo } from './io';
import { cancelOnEndingSignals, processIo } from './processIo';
import { inertText } from '../shared/inertText';
import { errorMessage } from '../shared/errorMessage';

const USAGE = `Usage: beacon-debug <command> [options]

Commands:
  list [--runbook FILE] [--json]                 the runbook: phases, steps, checks, commands
  run [--only quick-wins|phase-N|ID[,ID…]] [target] [--timeout S] [--json] [--report FILE]
                                                 run the checks and judge their output
  diagnose [target] [--json] [--report FILE]     run what the decision tree needs, name the root cause
  diagnose --logs FILE… [--json]                 a post-mortem from saved logs (flyctl logs, --json, Grafana/Loki)
  demo [--fault NAME[,NAME]] [--json] [--report FILE]
                                                 start the simulator, run the checks and the diagnosis against it
  sim [--fault NAME[,NAME]] [--runner-port N] [--router-port N]
                                                 serve the simulator until interrupted
  instrument FILE… [--step ID|all] [--remove] [--check] [--dry-run] [--json] [--force] [--nearest] [--keep-my-lines] [--no-compile]
                                                 insert / remove / find the plan's Go instrumentation
  import PLAN.md [-o OUT.runbook.yaml] [--json]  a markdown debug plan to a runbook (the import report on stderr,
                                                 or on stdout with -o); exit 2 when nothing can be imported
  lint [--runbook FILE] --code DIR [--json]      what the runbook's steps rely on (routes, metrics, env
                                                 variables, log lines, files), looked up in the Go code
                                                 under DIR; exit 1 when something is missing

--runbook FILE (list, run, diagnose, lint): a runbook file (.yaml/.json, or a .md plan imported on the
  fly) instead of the built-in plan; run/diagnose run its commands only with --allow-runbook-commands.

Target: --env NAME (from ./beacon-debug.json or .vscode/settings.json), or
  --runner-url URL --router-url URL --fly-app APP [--router-app APP] [--flyctl PATH] [--psql PATH]
  --admin-token-env VAR  --database-url-env VAR  (read the secrets from these environment variables)

Exit codes: 0 nothing failed (diagnose/demo: healthy), 1 a check failed or a cause was found,
            2 usage or configuration error, 3 a check could not run or the diagnosis is undetermined.
`;

type Command = (args: string[], io: CliIo, signal?: AbortSignal) => Promise<number>;

/** Each command, loaded on first use: `--help` and `list` do not pay for the engine's libraries. */
const COMMANDS: Record<string, () => Command> = {
  list: () => {
    const { runListCommand } = require('./listCommand') as typeof import('./listCommand');
    return (args, io) => runListCommand(args, io);
  },
  run: () => (require('./runCommand') as typeof import('./runCommand')).runRunCommand,
  diagnose: () => (require('./diagnoseCommand') as typeof import('./diagnoseCommand')).runDiagnoseCommand,
  demo: () => (require('./demoCommand') as typeof import('./demoCommand')).runDemoCommand,
  sim: () => (require('./simCommand') as typeof import('./simCommand')).runSimCommand,
  import: () => {
    const { runImportCommand } = require('./importCommand') as typeof import('./importCommand');
    return (args, io) => runImportCommand(args, io);
  },
  lint: () => {
    const { runLintCommand } = require('./lintCommand') as typeof import('./lintCommand');
    return (args, io) => runLintCommand(args, io);
  },
  instrument: () => {
    const { runInstrumentCommand } = require('./instrumentCommand') as typeof import('./instrumentCommand');
    return (args, io, signal) => runInstrumentCommand(args, io, signal);
  },
};

/** Every line the CLI prints passes the sanitiser once more, whatever a command forgot. */
function inertIo(io: CliIo): CliIo {
  return { stdout: (s) => io.stdout(inertText(s)), stderr: (s) => io.stderr(inertText(s)) };
}

/** Runs one command line; resolves to the exit code. */
export async function run(argv: readonly string[], rawIo: CliIo, signal?: AbortSignal): Promise<number> {
  const [command, ...args] = argv;
  const io = inertIo(rawIo);
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.stdout(USAGE);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) {
    io.stderr(`beacon-debug: unknown command "${command}"\n\n${USAGE}`);
    return EXIT.usage;
  }
  return load()(args, io, signal);
}

/**
 * The process around `run()`: stdout/stderr, the exit code, and interruption (the first SIGINT,
 * SIGTERM, SIGHUP or SIGQUIT cancels the run — its process trees are killed, temp dirs removed — and
 * a second one exits at once; a closed stdout cancels it quietly): see processIo.
 */
export function main(argv: readonly string[]): void {
  const abort = new AbortController();
  cancelOnEndingSignals(abort);
  const io = processIo(abort);
  run(argv, io, abort.signal).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      io.stderr(`beacon-debug: ${errorMessage(e)}
`);
      process.exitCode = EXIT.usage;
    },
  );
}
