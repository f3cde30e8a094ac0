import { useEffect, useState } from 'react';
import type { InstrumentView } from '../../shared/contract/measure-schemas';
import type { ErrorCode } from '../../shared/errors';
import { call, errorCodeOf } from '../api/client';
import { useFormatters } from '../session/useFormatters';

/** The clinic's active instruments in the screen's language, by id (reloaded when the language changes). */
export function useInstruments(): { instruments: Map<string, InstrumentView> | null; error: ErrorCode | null } {
  const { language } = useFormatters();
  const [instruments, setInstruments] = useState<Map<string, InstrumentView> | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  useEffect(() => {
    let cancelled = false;
    call('measures.instruments', { language })
      .then((answer) => {
        if (cancelled) return;
        setInstruments(new Map(answer.instruments.map((instrument) => [instrument.id, instrument])));
        setError(null);
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(errorCodeOf(failure));
      });
    return () => {
      cancelled = true;
    };
  }, [language]);
  return { instruments, error };
}
