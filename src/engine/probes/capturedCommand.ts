import { runShellProbe } from './shellProbe';

/**
 * A command run to completion with its output captured (stdout and stderr in order): argv, timeout,
 * cancel — which kill its process tree. The shape `golang/proofBuild` runs `go build` through.
 */
export async function runCaptured(
  argv: readonly string[],
  options: { cwd: string; env: Record<string, string>; signal?: AbortSignal; timeoutMs: number },
): Promise<{ exitCode?: number; output: string; error?: string; errorMessage?: string }> {
  const r = await runShellProbe({ argv, env: options.env, cwd: options.cwd, timeoutMs: options.timeoutMs, signal: options.signal });
  return { exitCode: r.exitCode, output: r.transcript, error: r.error, errorMessage: r.errorMessage };
}
