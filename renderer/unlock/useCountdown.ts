import { useEffect, useState } from 'react';

/** Whole seconds left until `until` (ms since epoch), ticking; 0 when there is no wait. */
export function useCountdown(until: number | null): number {
  const secondsLeft = () => (until === null ? 0 : Math.max(0, Math.ceil((until - Date.now()) / 1000)));
  const [seconds, setSeconds] = useState(secondsLeft);
  useEffect(() => {
    setSeconds(secondsLeft());
    if (until === null) return;
    const timer = window.setInterval(() => {
      const left = secondsLeft();
      setSeconds(left);
      if (left === 0) window.clearInterval(timer);
    }, 250);
    return () => window.clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- secondsLeft depends only on until
  }, [until]);
  return seconds;
}

/** "0:45", "2:05". */
export function formatWait(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}
