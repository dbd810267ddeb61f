/** What a step or check needs from the environment, and why it is skipped without it. */
import type { Requirement } from '../runbook/schema';
import type { Target } from './types';

const WHY: Record<Requirement, string> = {
  adminToken: "needs the environment's admin token (Beacon Debug: Set Admin Token; CLI: --admin-token-env VAR)",
  databaseUrl: "needs the environment's database URL (Beacon Debug: Set Database URL; CLI: --database-url-env VAR)",
  routerFlyApp: "needs the router's Fly app (routerFlyApp in the environment); the live router runs on Railway, whose logs flyctl cannot read",
  instrumentation: 'needs the instrumentation deployed',
};

/** The reason the first unmet requirement gives, or undefined when all are met. */
export function unmetRequirement(reqs: readonly Requirement[], t: Target): string | undefined {
  for (const r of reqs) {
    // instrumentation cannot be known before reading the logs: its checks say so themselves
    if (r === 'adminToken' && !t.adminToken) return `Skipped: ${WHY[r]}.`;
    if (r === 'databaseUrl' && !t.databaseUrl) return `Skipped: ${WHY[r]}.`;
    if (r === 'routerFlyApp' && !t.routerFlyApp) return `Skipped: ${WHY[r]}.`;
  }
  return undefined;
}
