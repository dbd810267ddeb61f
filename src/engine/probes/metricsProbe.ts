/** GET a Prometheus endpoint and parse the exposition. */
import { runHttpProbe, type HttpProbeRequest } from './httpProbe';
import type { ProbeOutcome } from './probeOutcome';
import { parsePrometheus } from '../prometheus';

export async function runMetricsProbe(req: Omit<HttpProbeRequest, 'method' | 'body'>): Promise<ProbeOutcome> {
  const out = await runHttpProbe({ ...req, method: 'GET', headers: { accept: 'text/plain;version=0.0.4, */*', ...(req.headers ?? {}) } });
  return withExposition(out);
}

/** Parses the body of a successful answer (also used on a cached answer). */
export function withExposition(out: ProbeOutcome): ProbeOutcome {
  if (!out.ok || out.status !== 200 || out.body === undefined) return out;
  return { ...out, exposition: parsePrometheus(out.body) };
}
