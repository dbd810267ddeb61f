/** Go's formatting of a few values the runner prints (`%v` of a time.Duration, the INIT line's `%s`). */

function trimFloat(n: number, digits: number): string {
  return n.toFixed(digits).replace(/\.?0+$/, '');
}

/** `time.Duration.String()`: `0s`, `850µs`, `12.345ms`, `1.5s`, `5m0s`, `1h2m3s`. */
export function goDuration(ms: number): string {
  const ns = Math.round(ms * 1e6);
  if (ns === 0) return '0s';
  const sign = ns < 0 ? '-' : '';
  const a = Math.abs(ns);
  if (a < 1e3) return `${sign}${a}ns`;
  if (a < 1e6) return `${sign}${trimFloat(a / 1e3, 3)}µs`;
  if (a < 1e9) return `${sign}${trimFloat(a / 1e6, 6)}ms`;
  const totalSec = a / 1e9;
  const h = Math.floor(totalSec / 3600);
  const m = Math.floor((totalSec - h * 3600) / 60);
  const s = totalSec - h * 3600 - m * 60;
  return `${sign}${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${trimFloat(s, 9)}s`;
}
