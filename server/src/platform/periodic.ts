/**
 * Runs `round` every `intervalMs` until stopped, one round at a time; a failed round goes to
 * `onError` and the next round tries again. stop() waits for a round in progress.
 */
export function runPeriodically(
  intervalMs: number,
  round: () => Promise<void>,
  onError: (error: unknown) => void,
): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    running ??= round()
      .catch(onError)
      .finally(() => (running = undefined));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
