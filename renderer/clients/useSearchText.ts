import { useCallback, useEffect, useRef, useState } from 'react';

export interface SearchText {
  /** What is in the search box. */
  text: string;
  /** What to search for: the text once typing has paused, so a search does not run on every key. */
  settled: string;
  setText(text: string): void;
  /** Search now (Enter, or clearing the search), not after the pause. */
  settleNow(text?: string): void;
}

/** A search box's text, debounced by `delayMs`. */
export function useSearchText(delayMs: number): SearchText {
  const [text, setTextNow] = useState('');
  const [settled, setSettled] = useState('');
  const latest = useRef('');
  const timer = useRef<number | null>(null);

  const cancelPending = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };

  const setText = useCallback(
    (next: string) => {
      latest.current = next;
      setTextNow(next);
      cancelPending();
      timer.current = window.setTimeout(() => setSettled(next), delayMs);
    },
    [delayMs],
  );

  const settleNow = useCallback((next?: string) => {
    cancelPending();
    const value = next ?? latest.current;
    latest.current = value;
    setTextNow(value);
    setSettled(value);
  }, []);

  useEffect(() => cancelPending, []);

  return { text, settled, setText, settleNow };
}
