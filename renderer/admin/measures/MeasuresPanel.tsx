import '../../styles/measures-admin.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract/channels';
import type { ErrorCode } from '../../../shared/errors';
import type { Language } from '../../../shared/settings';
import { call, errorCodeOf } from '../../api/client';
import { Notice } from '../../components/Notice';
import { FormAlert } from '../../forms/FormAlert';
import { AddInstrumentForm } from './AddInstrumentForm';
import { InstrumentCard } from './InstrumentCard';

type CatalogueEntry = ChannelOutput<'measures.catalogue'>['entries'][number];

/**
 * Admin → Measures: the clinic's outcome-measure instruments, bundled and added, each with
 * its scoring, sources and licence and a switch to offer it or not; and the form that adds
 * an instrument file the clinic holds a licence for.
 */
export function MeasuresPanel() {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.resolvedLanguage === 'id' ? 'id' : 'en';
  const [entries, setEntries] = useState<CatalogueEntry[] | null>(null);
  const [loadError, setLoadError] = useState<ErrorCode | null>(null);
  const [switchError, setSwitchError] = useState<ErrorCode | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  // Kept as a key and an id, so a language switch changes the words with everything else.
  const [notice, setNotice] = useState<{ key: 'adminMeasures.switchedOn' | 'adminMeasures.switchedOff'; instrumentId: string } | null>(null);

  // The write channels answer in the clinic's language, so the list is always read again in the screen's.
  const load = useCallback(async () => {
    try {
      setEntries((await call('measures.catalogue', { language })).entries);
      setLoadError(null);
    } catch (error) {
      setLoadError(errorCodeOf(error));
    }
  }, [language]);

  useEffect(() => {
    void load();
  }, [load]);

  const switchInstrument = async (instrumentId: string, enabled: boolean) => {
    setBusyId(instrumentId);
    setSwitchError(null);
    setNotice(null);
    try {
      await call('measures.setEnabled', { instrumentId, enabled });
      await load();
      setNotice({ key: enabled ? 'adminMeasures.switchedOn' : 'adminMeasures.switchedOff', instrumentId });
    } catch (error) {
      setSwitchError(errorCodeOf(error));
    } finally {
      setBusyId(null);
    }
  };

  const shortNameOf = (instrumentId: string) => entries?.find((entry) => entry.instrument.id === instrumentId)?.instrument.shortName ?? instrumentId;

  return (
    <>
      <section className="card" aria-labelledby="measures-title">
        <h2 id="measures-title" className="card-heading">
          {t('adminMeasures.title')}
        </h2>
        <p className="card-text">{t('adminMeasures.lead')}</p>
        {notice && (
          <Notice tone="success" testId="measures-notice">
            {t(notice.key, { shortName: shortNameOf(notice.instrumentId) })}
          </Notice>
        )}
        <FormAlert code={loadError ?? switchError} />
        {entries === null ? (
          !loadError && <p className="muted">{t('common.loading')}</p>
        ) : (
          <div className="measure-list" data-testid="measure-catalogue">
            {entries.map((entry) => (
              <InstrumentCard
                key={entry.instrument.id}
                instrument={entry.instrument}
                enabled={entry.enabled}
                busy={busyId === entry.instrument.id}
                onSwitch={(enabled) => void switchInstrument(entry.instrument.id, enabled)}
              />
            ))}
          </div>
        )}
      </section>
      <AddInstrumentForm
        knownIds={entries?.map((entry) => entry.instrument.id) ?? []}
        onAdded={async () => {
          // The add form says what happened; an older switch notice would only compete with it.
          setNotice(null);
          await load();
        }}
      />
    </>
  );
}
