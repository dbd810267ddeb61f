/**
 * The private endpoint the fake `flyctl` and `psql` talk to: a third HTTP server on 127.0.0.1 whose
 * every route sits under a random token. It is not part of the simulated system (it stands in for
 * Fly's API and the database's wire protocol), so it is kept off the runner's and router's routes.
 */
import type { RequestListener } from 'node:http';
import { pathOf, queryOf, readBody, sendJson } from './httpUtil';
import { WorldError } from './flyPlatform';
import type { PsqlConnection } from './simDatabase';
import type { SimWorld } from './simWorld';
import { errorMessage } from '../shared/errorMessage';

export function controlRequestHandler(world: SimWorld, token: string): RequestListener {
  const prefix = `/${token}/`;
  return (req, res) => {
    const path = pathOf(req);
    if (!path.startsWith(prefix)) {
      sendJson(res, 404, { error: 'not found' });
      return;
    }
    const route = `${req.method} ${path.slice(prefix.length)}`;
    const q = queryOf(req);
    const run = async (): Promise<unknown> => {
      const body = req.method === 'POST' ? (JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>) : {};
      const app = q.get('app') ?? String(body.app);
      switch (route) {
        case 'GET whoami':
          return { loggedIn: world.platform.loggedIn, user: world.platform.user };
        case 'GET snapshot':
          return world.platform.snapshot(app);
        case 'GET logs': {
          const after = q.get('after');
          const filter = { region: q.get('region') ?? undefined, instance: q.get('instance') ?? undefined };
          const entries = after === null ? world.recentLogs(app, filter) : world.logsAfter(app, Number(after), filter);
          return { entries, last: world.platform.logBuffer(app).lastSeq, style: world.variation.flyPrefix };
        }
        case 'POST secrets/set':
          return world.platform.setSecrets(app, body.pairs as [string, string][], !!body.stage);
        case 'POST secrets/unset':
          return world.platform.unsetSecrets(app, body.names as string[], !!body.stage);
        case 'POST restart':
          world.platform.restart(app, 'restart');
          return world.platform.snapshot(app);
        case 'POST deploy':
          return world.platform.deploy(app, body.instrumentation as string[] | null);
        case 'POST psql':
          return world.psql(body.conn as PsqlConnection, String(body.sql ?? ''));
        default:
          throw new WorldError(`unknown control route ${route}`);
      }
    };
    run().then(
      (out) => sendJson(res, 200, out),
      (e: unknown) => sendJson(res, e instanceof WorldError ? 400 : 500, { error: errorMessage(e) }),
    );
  };
}
