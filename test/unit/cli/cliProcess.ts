/** The CLI as its own process, from the tsc output: what bin/beacon-debug.js does, without a build. */
import * as path from 'node:path';

const MAIN = path.join(__dirname, '..', '..', '..', 'src', 'cli', 'main.js');

/** `node` arguments that run `beacon-debug ARGS` through main() (signals, stdout, exit code). */
export function cliArgs(args: readonly string[]): string[] {
  return ['-e', `require(${JSON.stringify(MAIN)}).main(process.argv.slice(1))`, ...args];
}
