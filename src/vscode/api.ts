import type { Runbook } from '../runbook/schema';
import type { LogStreamState } from './logStream/runnerLogStream';
import type { DiagnosisViewProvider } from './diagnosis/diagnosisView';
import type { Sessions } from '../diagnosis/session';
import type { InstrumentationApi } from './instrumentation';
import type { LoadTiming } from './lazy';
import type { ResultsApi } from './results/registerResults';
import type { EnvironmentViewProvider } from './environments/environmentView';
import type { Environments } from './environments/environments';
import type { Prompts } from './prompts';
import type { RunController } from './runs/runController';
import type { RunState } from './runs/runState';
import type { RunbookTreeProvider } from './runbookView/runbookTree';
import type { WorkspaceRunbooks } from './workspaceRunbooks/workspaceRunbooks';

/** What `activate()` returns: the integration tests' window into the extension. */
export interface BeaconDebugApi {
  runbook(): Runbook;
  runbookTree: RunbookTreeProvider;
  environmentView: EnvironmentViewProvider;
  state: RunState;
  runs: RunController;
  envs: Environments;
  /** Replace the dialogs (tests assert what the user is asked); returns the previous service. */
  setPrompts(p: Prompts): Prompts;
  /** Problems found in the settings at the last read. */
  settingsProblems(): string[];
  diagnosisView: DiagnosisViewProvider;
  /** One session per environment (results, facts, fixes, the one diagnosis every view reads). */
  sessions: Sessions;
  results: ResultsApi;
  instrumentation(): InstrumentationApi;
  /** Stream Runner Logs: the running stream, or the last one (its lines, filter, classifier). */
  logStream(): LogStreamState | undefined;
  /** What the Beacon Deploy terminal has shown (without colours). */
  deployOutput(): string;
  /** How long activate() took (for `npm run bench`). */
  activationMs?: number;
  /** Start-up figures for `npm run bench`: activate(), and activation → the Runbook view's first answer. */
  startup: { activateMs: number; firstTreeChildrenMs(): number | undefined; builtDuringActivation: string[]; settingsReadDuringActivation: boolean };
  /** The parts built on first use so far, and how long each took. */
  loadTimings(): LoadTiming[];
  /** The workspace's runbooks (built on first use; loading starts after activation). */
  workspaceRunbooks(): WorkspaceRunbooks;
}
