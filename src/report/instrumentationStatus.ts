/**
 * Whether the plan's debug instrumentation is still in the code: the Go files that hold
 * `// beacon-debug:begin <step>` blocks, and which steps. The report says it plainly, because
 * shipping the trace logging to production by accident is the classic mistake after an incident.
 */
import { z } from 'zod';

export const InstrumentationStatus = z.object({
  checkedAt: z.string(),
  /** What was searched, for the reader: "workspace folder runner-app". */
  scope: z.string(),
  files: z.array(
    z.object({
      /** Relative to the searched folder, `/`-separated. */
      file: z.string(),
      steps: z.array(z.string()),
      /** 1-based lines of the begin markers. */
      lines: z.array(z.number().int()),
    }),
  ),
  /** Files that could not be read or whose markers are broken. */
  problems: z.array(z.string()),
});
export type InstrumentationStatus = z.infer<typeof InstrumentationStatus>;

/** One sentence for the report and the page. */
export function describeInstrumentation(s: InstrumentationStatus | null): string {
  if (!s) return 'Not checked: no source folder was searched for debug instrumentation.';
  if (!s.files.length) {
    return `None: no \`// beacon-debug:\` block in the Go files of ${s.scope}${s.problems.length ? ` (${s.problems.length} file(s) could not be checked)` : ''}.`;
  }
  const steps = [...new Set(s.files.flatMap((f) => f.steps))].sort();
  return `STILL PRESENT in ${s.files.length} file(s) of ${s.scope} (steps ${steps.join(', ')}): remove it before the next deploy.`;
}
