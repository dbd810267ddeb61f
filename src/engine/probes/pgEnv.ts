/**
 * A database URL as libpq's PG* environment variables: `psql` gets its credentials from the
 * environment, never from its command line (where `ps` would show them).
 */
export function pgEnvFromUrl(databaseUrl: string): Record<string, string> {
  const u = new URL(databaseUrl);
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') throw new Error('the database URL must start with postgres:// or postgresql://');
  const dec = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  const env: Record<string, string> = {};
  const host = u.searchParams.get('host') ?? u.hostname.replace(/^\[|\]$/g, '');
  if (host) env.PGHOST = host;
  const port = u.searchParams.get('port') ?? u.port;
  if (port) env.PGPORT = port;
  if (u.username) env.PGUSER = dec(u.username);
  if (u.password) env.PGPASSWORD = dec(u.password);
  const db = dec(u.pathname.replace(/^\//, ''));
  if (db) env.PGDATABASE = db;
  const params: Record<string, string> = {
    sslmode: 'PGSSLMODE', sslrootcert: 'PGSSLROOTCERT', sslcert: 'PGSSLCERT', sslkey: 'PGSSLKEY',
    connect_timeout: 'PGCONNECT_TIMEOUT', application_name: 'PGAPPNAME', options: 'PGOPTIONS',
    user: 'PGUSER', password: 'PGPASSWORD', dbname: 'PGDATABASE',
  };
  for (const [k, v] of u.searchParams) if (params[k]) env[params[k]] = v;
  return env;
}

/** The parent's environment without any PG* variable, so only the target's credentials apply. */
export function withoutPgEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && !/^PG[A-Z_]+$/.test(k)) out[k] = v;
  return out;
}
