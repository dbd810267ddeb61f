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
    const app = q.get('app') ?? '';
    const filter = { region: q.get('region') || undefined, instance: q.get('instance') || undefined };
    const run = async (): Promise<unknown> => {
      const body = req.method === 'POST' ? (JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>) : {};
      switch (route) {
        case 'GET whoami':
          return { loggedIn: world.platform.loggedIn, user: world.platform.user };
        case 'GET snapshot':
          return world.platform.snapshot(app);
        case 'GET logs': {
          const after = q.get('after');
          const entries = after === null ? world.recentLogs(app, filter) : world.logsAfter(app, Number(after), filter);
          return { entries, last: world.platform.logBuffer(app).lastSeq, style: world.variation.flyPrefix };
        }
        case 'GET secrets':
          return { secrets: world.platform.secretsList(app) };
        case 'POST secrets/set':
          return world.platform.setSecrets(String(body.app), body.pairs as [string, string][], !!body.stage);
        case 'POST secrets/unset':
          return world.platform.unsetSecrets(String(body.app), body.names as string[], !!body.stage);
        case 'POST restart':
          world.platform.restart(String(body.app), 'restart');
          return { ok: true, app: world.platform.snapshot(String(body.app)) };
        case 'POST deploy':
          return world.platform.deploy(String(body.app), (body.instrumentation as string[] | null) ?? null, typeof body.cwd === 'string' ? body.cwd : undefined);
        case 'GET status':
          return world.platform.status(app);
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
