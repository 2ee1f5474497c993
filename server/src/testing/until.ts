/**
 * A poller for tests of asynchronous work: `until(probe, what)` resolves with the first value the
 * probe returns that is not undefined, or fails naming `what` after the time-out.
 */
export function untilWith({ timeoutMs = 10_000, intervalMs = 50 } = {}) {
  return async function until<T>(
    probe: () => Promise<T | undefined>,
    what: string,
    timeout = timeoutMs,
  ): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  };
}
