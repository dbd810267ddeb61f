/**
 * The simulated Postgres: up or down, its sessions, and the answers `psql` gets (only the
 * runbook's pg_stat_activity queries; anything else is a clear query error).
 */

export interface PgSession {
  readonly pid: number;
  readonly state: 'active' | 'idle' | 'idle in transaction';
  readonly query: string;
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

const SESSIONS_AT_RESET: readonly PgSession[] = [
  { pid: 4211, state: 'active', query: 'SELECT id, spec FROM jobs WHERE status = $1 ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED', ageSeconds: 0.004 },
  { pid: 4212, state: 'idle in transaction', query: 'UPDATE executions SET status = $1, completed_at = now() WHERE id = $2', ageSeconds: 2.4 },
  { pid: 4215, state: 'idle', query: 'COMMIT', ageSeconds: 41.2 },
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
    const own: PgSession = { pid: 4242, state: 'active', query: sql.trim(), ageSeconds: 0.0004 };
    const nonIdle = [...this.sessions, own].filter((s) => s.state !== 'idle');
    if (norm === "select count(*) filter (where now() - query_start > interval '5 minutes'), count(*) from pg_stat_activity where state != 'idle'") {
      const long = nonIdle.filter((s) => s.ageSeconds > 300).length;
      return { kind: 'ok', columns: ['count', 'count'], rows: [[String(long), String(nonIdle.length)]] };
    }
    if (norm === "select pid, now() - pg_stat_activity.query_start as duration, query, state from pg_stat_activity where state != 'idle' order by duration desc limit 10") {
      const rows = [...nonIdle].sort((a, b) => b.ageSeconds - a.ageSeconds).slice(0, 10).map((s) => [String(s.pid), pgInterval(s.ageSeconds), s.query, s.state]);
      return { kind: 'ok', columns: ['pid', 'duration', 'query', 'state'], rows };
    }
    return { kind: 'query-error', message: "the Beacon simulator's database answers only the runbook's pg_stat_activity queries" };
  }
}

/** Postgres' text form of an interval under a day: `00:00:02.4`. */
function pgInterval(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const whole = Math.floor(s);
  const frac = Math.round((s - whole) * 1e6);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(h)}:${p(m)}:${p(whole)}${frac ? '.' + String(frac).padStart(6, '0').replace(/0+$/, '') : ''}`;
}
