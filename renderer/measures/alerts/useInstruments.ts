import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstrumentView } from '../../../shared/contract/measure-schemas';
import type { Language } from '../../../shared/settings';
import { call } from '../../api/client';

/**
 * The clinic's active instruments, texts in `language` (by default the language the screens
 * are in now, which a person's switch may have made differ from the clinic's).
 * Null while loading, and when they cannot be read: what uses them then says less, not nothing.
 */
export function useInstruments(language?: Language): InstrumentView[] | null {
  const { i18n } = useTranslation();
  const wanted: Language = language ?? (i18n.resolvedLanguage === 'id' ? 'id' : 'en');
  const [instruments, setInstruments] = useState<InstrumentView[] | null>(null);
  useEffect(() => {
    let current = true;
    setInstruments(null);
    call('measures.instruments', { language: wanted })
      .then((reply) => current && setInstruments(reply.instruments))
      .catch(() => current && setInstruments(null));
    return () => {
      current = false;
    };
  }, [wanted]);
  return instruments;
}
