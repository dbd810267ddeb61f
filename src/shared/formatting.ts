/** How times, durations and probabilities read in the report and on the page (browser-safe). */

/** `2025-10-22 10:15:04 UTC`; the input as given when it is not a date. */
export function utcDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)} UTC`;
}

/** `10:15:04` (UTC). */
export function utcTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(11, 19);
}

/** `830 ms`, `4.2 s`, `2 min 5 s`, `1 h 3 min`. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** `94 %`; one decimal below 1 % and above 99 %, and `< 0.1 %` / `> 99.9 %` at the ends, so that a
 * small chance never reads as none and a near-certainty never as certain. */
export function percent(p: number): string {
  const v = p * 100;
  if (v > 0 && v < 0.1) return '< 0.1 %';
  if (v > 99.9 && v < 100) return '> 99.9 %';
  if ((v > 0 && v < 1) || (v > 99 && v < 100)) return `${v.toFixed(1)} %`;
  return `${Math.round(v)} %`;
}

/** `4.1 KB`, `5.0 MB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
