import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { isSecretFieldName } from '../../shared/drafts';
import { call } from '../api/client';

export const DRAFT_SAVE_DELAY_MS = 1000;


export type DraftStatus = 'loading' | 'empty' | 'restored' | 'saving' | 'saved' | 'failed';

export interface FormDraft {
  status: DraftStatus;
  savedAt: string | null;
  /** Call after a successful submit: forgets the draft here and in the vault. */
  discard(): Promise<void>;
}

function draftPayload(values: Record<string, unknown>, exclude: readonly string[]): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    // Passphrases never go into a draft, whatever a form's `exclude` list says (the contract refuses them too).
    if (exclude.includes(name) || isSecretFieldName(name)) continue;
    payload[name] = value;
  }
  return payload;
}

/**
 * Keeps what someone is typing in the encrypted vault: restores it on mount, saves it about
 * a second after they stop typing, and discards it once the form is submitted. So a form
 * left half-filled when the app locks comes back after unlocking (passphrases excepted).
 */
export function useFormDraft<T extends FieldValues, C = unknown, O = T>(
  formKey: string,
  form: UseFormReturn<T, C, O>,
  options: { exclude?: readonly string[] } = {},
): FormDraft {
  const [status, setStatus] = useState<DraftStatus>('loading');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const exclude = options.exclude ?? [];
  const excludeRef = useRef(exclude);
  excludeRef.current = exclude;
  const timer = useRef<number | null>(null);
  const pending = useRef<Record<string, unknown> | null>(null);
  const restoring = useRef(true);

  const save = useCallback(async () => {
    timer.current = null;
    const payload = pending.current;
    pending.current = null;
    if (!payload) return;
    setStatus('saving');
    try {
      const saved = await call('drafts.save', { formKey, payload });
      setSavedAt(saved.savedAt);
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  }, [formKey]);

  // Restore once, before any autosave may overwrite the stored draft.
  useEffect(() => {
    let cancelled = false;
    restoring.current = true;
    call('drafts.get', { formKey })
      .then((draft) => {
        if (cancelled) return;
        if (draft.payload) {
          const current = form.getValues() as Record<string, unknown>;
          const restored = draftPayload(draft.payload, excludeRef.current);
          // An empty number field is NaN, which JSON stored as null: leave such a field empty.
          const known = Object.fromEntries(Object.entries(restored).filter(([name, value]) => name in current && !(value === null && typeof current[name] === 'number')));
          form.reset({ ...current, ...known } as T, { keepDefaultValues: true });
          setSavedAt(draft.savedAt);
          setStatus('restored');
        } else {
          setStatus('empty');
        }
      })
      .catch(() => {
        if (!cancelled) setStatus('failed');
      })
      .finally(() => {
        if (!cancelled) restoring.current = false;
      });
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- restore once per form key
  }, [formKey]);

  // Autosave what the person types (not programmatic resets), debounced.
  useEffect(() => {
    const subscription = form.watch((values, info) => {
      if (restoring.current || info.type !== 'change') return;
      pending.current = draftPayload(values as Record<string, unknown>, excludeRef.current);
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void save(), DRAFT_SAVE_DELAY_MS);
    });
    return () => subscription.unsubscribe();
  }, [form, save]);

  // Leaving the screen saves at once what was still waiting for the debounce.
  useEffect(
    () => () => {
      if (timer.current !== null) {
        window.clearTimeout(timer.current);
        void save();
      }
    },
    [save],
  );

  const discard = useCallback(async () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    setSavedAt(null);
    setStatus('empty');
    try {
      await call('drafts.discard', { formKey });
    } catch {
      // The draft may already be gone; nothing to tell the person.
    }
  }, [formKey]);

  return { status, savedAt, discard };
}
