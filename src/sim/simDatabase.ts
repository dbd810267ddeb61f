/**
 * The simulated Postgres: up or down, its sessions, and the answers `psql` gets (only the
 * runbook's pg_stat_activity query; anything else is a clear query error).
 */

export interface PgSession {
  readonly pid: number;
  readonly state: 'active' | 'idle' | 'idle in transaction';
  /** Seconds since the query started. */
  readonly ageSeconds: number;
}

export type PsqlAnswer =
  | { kind: 'ok'; columns: string[]; rows: string[][] }
  | { kind: 'refused' }
  | { kind: 'no-password' }
  | { kind: 'auth-failed'; user: string }
  | { kind: 'no-database'; database: string }
  | { kind: 'query-error'; message: string };

export interface PsqlConnection {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
}

/** The runner's job poller, an execution update between statements, and an idle pooled connection. */
const SESSIONS_AT_RESET: readonly PgSession[] = [
  { pid: 4211, state: 'active', ageSeconds: 0.004 },
  { pid: 4212, state: 'idle in transaction', ageSeconds: 2.4 },
  { pid: 4215, state: 'idle', ageSeconds: 41.2 },
];

export class SimDatabase {
  readonly user = 'beacon';
  readonly name = 'beacon';
  readonly host = '127.0.0.1';
  readonly port = 5432;
  private isUp = true;
  private sessions: PgSession[] = [...SESSIONS_AT_RESET];

  constructor(readonly password: string) {}

  get up(): boolean {
    return this.isUp;
  }

  get address(): string {
    return `${this.host}:${this.port}`;
  }

  /** The runner's DATABASE_URL. */
  get url(): string {
    return `postgres://${this.user}:${encodeURIComponent(this.password)}@${this.address}/${this.name}?sslmode=disable`;
  }

  reset(up: boolean): void {
    this.isUp = up;
    this.sessions = [...SESSIONS_AT_RESET];
  }

  /** Makes session `pid`'s query `seconds` old (a long-running query). */
  ageSession(pid: number, seconds: number): void {
    this.sessions = this.sessions.map((s) => (s.pid === pid ? { ...s, ageSeconds: seconds } : s));
  }

  /** A connection attempt with these credentials, then `sql`. */
  answer(conn: PsqlConnection, sql: string): PsqlAnswer {
    const loopback = conn.host === '127.0.0.1' || conn.host === 'localhost' || conn.host === '::1';
    if (!loopback || conn.port !== this.port || !this.isUp) return { kind: 'refused' };
    if (conn.password === undefined || conn.password === '') return { kind: 'no-password' };
    if (conn.user !== this.user || conn.password !== this.password) return { kind: 'auth-failed', user: conn.user };
    if (conn.database !== this.name) return { kind: 'no-database', database: conn.database };
    return this.query(sql);
  }

  private query(sql: string): PsqlAnswer {
    const norm = sql.replace(/\s+/g, ' ').trim().replace(/;$/, '').trim().toLowerCase();
    if (norm !== "select count(*) filter (where now() - query_start > interval '5 minutes'), count(*) from pg_stat_activity where state != 'idle'") {
      return { kind: 'query-error', message: "the Beacon simulator's database answers only the runbook's pg_stat_activity query" };
    }
    // psql's own session runs the query, so it counts too
    const nonIdle = [...this.sessions, { state: 'active', ageSeconds: 0 }].filter((s) => s.state !== 'idle');
    const long = nonIdle.filter((s) => s.ageSeconds > 300).length;
    return { kind: 'ok', columns: ['count', 'count'], rows: [[String(long), String(nonIdle.length)]] };
  }
}
