import { useCallback, useEffect, useRef, useState } from 'react';
import type { NoteContent } from '../../shared/domain/notes';
import { call, errorCodeOf } from '../api/client';
import { registerFlush } from '../drafts/flush-registry';

/** Save about a second after typing stops… */
export const AUTOSAVE_DEBOUNCE_MS = 1000;
/** …and at least this often while typing goes on, so a crash loses at most a few seconds. */
export const AUTOSAVE_MAX_WAIT_MS = 3000;
/** A failed save is tried again after this long (and at once on the next keystroke, blur or lock). */
export const AUTOSAVE_RETRY_MS = 4000;

export type SaveStatus = 'saved' | 'saving' | 'retrying';

export interface NoteAutosave {
  status: SaveStatus;
  /** When the vault last took the draft (ISO). */
  savedAt: string;
  /** The sections as typed now: call on every change. */
  changed(content: NoteContent): void;
  /** Saves what is not saved yet, now (blur, close, before signing). */
  flush(): Promise<void>;
  /** Stops saving (the note is being signed); `resume` starts again if signing failed. */
  pause(): Promise<void>;
  resume(): void;
}

/**
 * Saves in flight, by note. Reopening a note waits for its last save first, so a dialog
 * closed mid-save and opened again never shows the draft as it was before the save.
 */
const inFlight = new Map<number, Promise<void>>();

/** Resolves once no save of the note is on its way (including one queued behind another). */
export async function lastSaveOf(noteId: number): Promise<void> {
  for (let pending = inFlight.get(noteId); pending; pending = inFlight.get(noteId)) await pending;
}

/** Keeps `save` in the map until it settles. */
function track(noteId: number, save: Promise<void>): Promise<void> {
  const tracked = save.finally(() => {
    if (inFlight.get(noteId) === tracked) inFlight.delete(noteId);
  });
  inFlight.set(noteId, tracked);
  return tracked;
}

/**
 * Keeps a note's draft in the vault while it is typed: about a second after typing stops
 * and at most every three seconds while it goes on, at once on blur, when the window is
 * hidden or closed (the request leaves before the page goes), before a manual lock (the
 * flush registry), and when the editor closes. A save that fails is retried; a note found
 * signed meanwhile (NOTE_SIGNED) stops the saving and calls `onSigned`.
 */
export function useNoteAutosave(noteId: number, initial: NoteContent, initialSavedAt: string, onSigned: () => void): NoteAutosave {
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [savedAt, setSavedAt] = useState(initialSavedAt);
  const content = useRef(initial);
  const savedText = useRef(JSON.stringify(initial));
  const debounce = useRef<number | null>(null);
  const maxWait = useRef<number | null>(null);
  const retry = useRef<number | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const paused = useRef(false);
  const mounted = useRef(true);
  const onSignedRef = useRef(onSigned);
  onSignedRef.current = onSigned;
  const scheduleRef = useRef<() => void>(() => undefined);

  const clearTimers = useCallback(() => {
    for (const timer of [debounce, maxWait, retry]) {
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = null;
    }
  }, []);

  const saveNow = useCallback(
    (urgent = false): Promise<void> => {
      clearTimers();
      if (paused.current) return Promise.resolve();
      // One save at a time, in order; but a page going away cannot wait for the one before.
      if (running.current && !urgent) return track(noteId, running.current.then(() => saveNow()));
      const sending = content.current;
      const text = JSON.stringify(sending);
      if (text === savedText.current) return Promise.resolve();
      if (mounted.current) setStatus('saving');
      // `call` sends the request before its first await: it is on its way when this returns.
      const request = call('notes.save', { id: noteId, content: sending }).then(
        (saved) => {
          savedText.current = text;
          if (!mounted.current) return;
          setSavedAt(saved.savedAt);
          // Typed on while this was saving: the newer text goes out on the usual rhythm.
          if (JSON.stringify(content.current) === text) setStatus('saved');
          else scheduleRef.current();
        },
        (error: unknown) => {
          const code = errorCodeOf(error);
          if (code === 'NOTE_SIGNED') {
            paused.current = true;
            if (mounted.current) onSignedRef.current();
            return;
          }
          if (!mounted.current || code === 'NOT_SIGNED_IN') return;
          setStatus('retrying');
          if (retry.current === null) retry.current = window.setTimeout(() => void saveNow(), AUTOSAVE_RETRY_MS);
        },
      );
      const tracked = track(
        noteId,
        request.finally(() => {
          if (running.current === tracked) running.current = null;
        }),
      );
      running.current = tracked;
      return tracked;
    },
    [noteId, clearTimers],
  );

  const schedule = useCallback(() => {
    if (paused.current) return;
    if (debounce.current !== null) window.clearTimeout(debounce.current);
    debounce.current = window.setTimeout(() => void saveNow(), AUTOSAVE_DEBOUNCE_MS);
    maxWait.current ??= window.setTimeout(() => void saveNow(), AUTOSAVE_MAX_WAIT_MS);
  }, [saveNow]);
  scheduleRef.current = schedule;

  const changed = useCallback(
    (next: NoteContent) => {
      content.current = next;
      if (paused.current) return;
      if (JSON.stringify(next) !== savedText.current) setStatus((current) => (current === 'retrying' ? current : 'saving'));
      schedule();
    },
    [schedule],
  );

  // Before a manual lock; when the window is hidden or closed; when the editor closes.
  useEffect(() => {
    mounted.current = true;
    const unregister = registerFlush(() => saveNow());
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void saveNow(true);
    };
    const onLeave = () => void saveNow(true);
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onLeave);
    window.addEventListener('beforeunload', onLeave);
    return () => {
      unregister();
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onLeave);
      window.removeEventListener('beforeunload', onLeave);
      mounted.current = false;
      // Closed or navigated away: what is still unsaved goes now (after any save on its way).
      void saveNow();
    };
  }, [saveNow]);

  const flush = useCallback(() => saveNow(), [saveNow]);

  const pause = useCallback(async () => {
    clearTimers();
    await (running.current ?? Promise.resolve());
    paused.current = true;
  }, [clearTimers]);

  const resume = useCallback(() => {
    paused.current = false;
    if (JSON.stringify(content.current) !== savedText.current) schedule();
  }, [schedule]);

  return { status, savedAt, changed, flush, pause, resume };
}
