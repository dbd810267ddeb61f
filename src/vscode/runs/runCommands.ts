import * as vscode from 'vscode';
import { allSteps } from '../../runbook/steps';
import { resolveArgv, resolveTemplate, validateTarget } from '../../engine/target';
import type { Step } from '../../runbook/schema';
import type { RunbookNode } from '../runbookView/runbookTree';
import type { CommandFactory, Services } from '../services';
import { StepDocumentProvider } from '../runbookView/stepDocument';
import { errorMessage } from '../../shared/errorMessage';

/** A step id from a command argument: a tree node, a step id, or nothing (ask). */
async function pickStep(s: Services, arg: unknown, filter: (st: Step) => boolean = () => true): Promise<Step | undefined> {
  const steps = allSteps(s.runbook());
  if (typeof arg === 'string') return steps.find((x) => x.id === arg);
  if (arg && typeof arg === 'object' && 'kind' in arg) {
    const n = arg as RunbookNode;
    if (n.kind === 'step' || n.kind === 'check' || n.kind === 'instrument' || n.kind === 'fix') return n.step;
  }
  const picked = await s.prompts.pick(
    steps.filter(filter).map((st) => ({ label: `${st.id} ${st.title}`, description: st.estimate, id: st.id })),
    { placeHolder: 'Which step?' },
  );
  return picked ? steps.find((x) => x.id === (picked as { id: string }).id) : undefined;
}

function phaseIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && 'kind' in arg && (arg as RunbookNode).kind === 'group') {
    return (arg as Extract<RunbookNode, { kind: 'group' }>).id.replace(/^group:/, '');
  }
  return undefined;
}

/** A node of a workspace runbook: its commands run through the workspace runbook path (approval first). */
function workspaceNode(arg: unknown): boolean {
  return !!arg && typeof arg === 'object' && 'kind' in arg && !!(arg as { owner?: unknown }).owner;
}

export const runCommands: CommandFactory = (s) => ({
  'beaconDebug.refresh': () => s.tree.refresh(),

  'beaconDebug.openStep': async (arg) => {
    if (workspaceNode(arg)) return vscode.commands.executeCommand('beaconDebug.openWorkspaceStep', arg);
    const step = await pickStep(s, arg);
    if (!step) return undefined;
    const uri = StepDocumentProvider.uriFor(step.id);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: true, preserveFocus: true });
    return uri;
  },

  'beaconDebug.runQuickWins': () => s.runs.run({ only: ['quick-wins'], label: 'Quick Win Checklist' }),

  'beaconDebug.runPhase': async (arg) => {
    if (workspaceNode(arg)) return vscode.commands.executeCommand('beaconDebug.runWorkspaceRunbook', arg);
    let id = phaseIdOf(arg);
    if (!id) {
      const rb = s.runbook();
      const picked = await s.prompts.pick(
        [{ label: rb.quickWins.title, id: 'quick-wins' }, ...rb.phases.map((p) => ({ label: p.title, id: p.id }))],
        { placeHolder: 'Run which phase?' },
      );
      id = (picked as { id?: string } | undefined)?.id;
    }
    if (!id) return undefined;
    const title = id === 'quick-wins' ? s.runbook().quickWins.title : s.runbook().phases.find((p) => p.id === id)?.title ?? id;
    return s.runs.run({ only: [id], label: title });
  },

  'beaconDebug.runStep': async (arg) => {
    if (workspaceNode(arg)) return vscode.commands.executeCommand('beaconDebug.runWorkspaceRunbook', arg);
    const step = await pickStep(s, arg, (st) => st.checks.length > 0);
    if (!step) return undefined;
    if (!step.checks.length) {
      await s.prompts.info(`Step ${step.id} has no automated check${step.instrument ? ': insert its instrumentation from the Go file' : ''}.`);
      return undefined;
    }
    return s.runs.run({ only: [step.id], label: `Step ${step.id}` });
  },

  'beaconDebug.runAll': () => s.runs.run({ label: 'every automated check' }),

  'beaconDebug.cancelRun': async () => {
    if (!s.runs.cancel()) await s.prompts.info('No Beacon Debug run is in progress.');
  },

  'beaconDebug.markStepDone': async (arg) => {
    if (workspaceNode(arg)) {
      const n = arg as Extract<RunbookNode, { kind: 'step' }>;
      n.owner!.state.markDone(n.step.id, n.owner!.state.verdictOf(n.step.id) !== 'done');
      return;
    }
    const step = await pickStep(s, arg, (st) => st.manual);
    if (!step) return;
    s.state.markDone(step.id, s.state.verdictOf(step.id) !== 'done');
  },

  /** Opens the step's command in a normal terminal for interactive use (argv, never a shell string). */
  'beaconDebug.sendStepToTerminal': async (arg) => {
    if (!(await s.runs.ensureTrusted('run commands'))) return undefined;
    if (workspaceNode(arg)) {
      await s.prompts.info('A workspace runbook\'s commands run with "Run Step", which asks you to approve them first.');
      return undefined;
    }
    const step = await pickStep(s, arg, (st) => st.checks.length > 0);
    if (!step) return undefined;
    const rawTarget = await s.envs.resolveTarget();
    if (!rawTarget) return undefined;
    const check = step.checks[0];
    const p = check.probe;
    let argv: string[];
    let target;
    try {
      target = validateTarget(rawTarget);
      if (p.type === 'shell') argv = resolveArgv(p.argv, target);
      else if (p.type === 'logs') argv = [target.flyctlPath, 'logs', '-a', resolveTemplate(p.app, target)];
      else if (p.type === 'http' || p.type === 'metrics') {
        if (p.type === 'http' && p.auth) {
          await s.prompts.info(`Step ${step.id} needs the admin token, which is not put on a command line. Run it with "Run Step" instead.`);
          return undefined;
        }
        const url = resolveTemplate(p.url, target);
        argv = p.type === 'http' && p.method === 'POST'
          ? ['curl', '-sS', '-X', 'POST', '-H', 'Content-Type: application/json', '-d', JSON.stringify(p.body ?? {}), url]
          : ['curl', '-sS', url];
      } else if (p.type === 'dns') argv = ['getent', 'hosts', resolveTemplate(p.host, target)];
      else {
        await s.prompts.info(`Step ${step.id} comes from an imported runbook: run it with "Run Step", which asks before its commands run.`);
        return undefined;
      }
    } catch (e) {
      await s.prompts.error(`Beacon Debug: ${errorMessage(e)}`);
      return undefined;
    }
    const terminal = vscode.window.createTerminal({ name: `Beacon ${step.id} (${target.name})`, shellPath: argv[0], shellArgs: argv.slice(1) });
    terminal.show();
    return argv;
  },
});
