/**
 * The demo environment: the built-in simulator of the runner, the router and flyctl / psql on
 * 127.0.0.1, selected as the environment "demo" (its fake tools are set in code, never by a file).
 */
import { startSimulator } from '../../sim/simulator';
import type { CommandFactory } from '../services';
import { errorMessage } from '../../shared/errorMessage';

export const demoCommands: CommandFactory = (s) => ({
  'beaconDebug.startDemo': async (arg) => {
    if (!(await s.runs.ensureTrusted('start the demo environment'))) return undefined;
    const fault = typeof arg === 'string' ? arg : undefined;
    await s.envs.stopDemo();
    let simulator;
    try {
      simulator = await startSimulator({ fault: (fault ?? 'missing-hybrid-config') as never });
    } catch (e) {
      await s.prompts.error(`Beacon Debug: the demo environment did not start: ${errorMessage(e)}`);
      return undefined;
    }
    s.envs.setDemo({
      runnerUrl: simulator.runnerUrl,
      routerUrl: simulator.routerUrl,
      flyApp: simulator.flyApp,
      routerFlyApp: simulator.routerFlyApp,
      flyctlPath: simulator.flyctlPath,
      psqlPath: simulator.psqlPath,
      adminToken: simulator.adminToken,
      databaseUrl: simulator.databaseUrl,
      stop: () => simulator.stop(),
    });
    // a new simulator is a new system: what the last one showed is no evidence about it
    s.sessions.of('demo').reset();
    s.sessions.changed();
    await s.envs.select('demo');
    s.log.info(`demo environment: runner ${simulator.runnerUrl}, router ${simulator.routerUrl}, fault ${fault ?? 'missing-hybrid-config'}`);
    return { runnerUrl: simulator.runnerUrl, routerUrl: simulator.routerUrl, flyctlPath: simulator.flyctlPath };
  },

  'beaconDebug.stopDemo': async () => {
    if (!s.envs.demoRunning) {
      await s.prompts.info('The demo environment is not running.');
      return;
    }
    await s.envs.stopDemo();
  },
});
