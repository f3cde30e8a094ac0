import { useEffect, useState } from 'react';
import type { InstrumentView } from '../../../shared/contract/measure-schemas';
import type { Language } from '../../../shared/settings';
import { call } from '../../api/client';

/**
 * The clinic's active instruments, texts in `language` (the caller's own when not given).
 * Null while loading, and when they cannot be read: what uses them then says less, not nothing.
 */
export function useInstruments(language?: Language): InstrumentView[] | null {
  const [instruments, setInstruments] = useState<InstrumentView[] | null>(null);
  useEffect(() => {
    let current = true;
    setInstruments(null);
    call('measures.instruments', language ? { language } : {})
      .then((reply) => current && setInstruments(reply.instruments))
      .catch(() => current && setInstruments(null));
    return () => {
      current = false;
    };
  }, [language]);
  return instruments;
}
