import { useEffect, useState } from 'react';
import { getOngelezenAantal, signaleringenChanged } from '../api/signaleringen';

const refreshMs = 30_000;

/** The unread count for the header: on load, every 30 seconds, and right after marking read. */
export function useOngelezenSignaleringen(enabled: boolean): number | undefined {
  const [count, setCount] = useState<number>();
  useEffect(() => {
    if (!enabled) return;
    let controller = new AbortController();
    const load = () => {
      controller.abort();
      controller = new AbortController();
      getOngelezenAantal(controller.signal).then(
        (answer) => setCount(answer.ongelezen),
        () => undefined, // the header keeps the last count; pages show their own errors
      );
    };
    load();
    const timer = window.setInterval(load, refreshMs);
    window.addEventListener(signaleringenChanged, load);
    return () => {
      controller.abort();
      window.clearInterval(timer);
      window.removeEventListener(signaleringenChanged, load);
    };
  }, [enabled]);
  return count;
}
