import { useEffect, useState } from 'react';

/** The current time in ms, refreshed every `everyMs`: enough for countdowns shown in minutes. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
