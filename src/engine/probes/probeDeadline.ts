/**
 * When a probe must stop: its own timeout, the user's cancel (`signal`) or the run's shared
 * deadline (`expire`, which counts as a timeout). `stop` is called once at the most with why;
 * the returned function clears the timer and the listeners.
 */
export function watchDeadline(
  req: { timeoutMs: number; signal?: AbortSignal; expire?: AbortSignal },
  stop: (why: 'timeout' | 'cancelled') => void,
): () => void {
  const timer = setTimeout(() => stop('timeout'), req.timeoutMs);
  const onAbort = () => stop('cancelled');
  const onExpire = () => stop('timeout');
  req.signal?.addEventListener('abort', onAbort, { once: true });
  if (req.expire?.aborted) onExpire();
  else req.expire?.addEventListener('abort', onExpire, { once: true });
  return () => {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onAbort);
    req.expire?.removeEventListener('abort', onExpire);
  };
}
