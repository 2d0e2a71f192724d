/**
 * Runs `task` in the background until it succeeds, waiting `delaysMs[i]` before retry i + 1.
 * Nobody awaits it: it is for work that must not hold up an answer (the caller has already
 * answered) but must not be dropped on a passing failure either. `failed` hears every failure,
 * with `final` set once there is no retry left. Resolves when it is over either way.
 */
export function retryLater(
  task: () => Promise<void>,
  delaysMs: readonly number[],
  failed: (err: unknown, attempt: number, final: boolean) => void,
): Promise<void> {
  return new Promise((resolve) => {
    const attempt = (n: number) => {
      task().then(resolve, (err: unknown) => {
        const final = n > delaysMs.length;
        failed(err, n, final);
        if (final) return resolve();
        setTimeout(() => attempt(n + 1), delaysMs[n - 1]);
      });
    };
    setImmediate(() => attempt(1));
  });
}
