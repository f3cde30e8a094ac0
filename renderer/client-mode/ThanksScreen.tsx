import { useEffect, useRef } from 'react';
import type { TFunction } from 'i18next';
import type { MeasureAlert } from '../../shared/contract/measure-schemas';
import { TakeBackForm } from './TakeBackForm';

/**
 * The end of the client's part: a neutral thank-you in their language, and, small below, the
 * counsellor's way back in. Nothing here says how the answers came out.
 */
export function ThanksScreen({ t, onHandedBack }: { t: TFunction; onHandedBack: (alerts: MeasureAlert[]) => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="client-mode__card client-thanks" aria-labelledby="client-thanks-title" data-testid="client-thanks">
      <h1 id="client-thanks-title" className="client-mode__title client-thanks__title" ref={heading} tabIndex={-1}>
        {t('clientMode.thanks.title')}
      </h1>
      <p className="client-thanks__text">{t('clientMode.thanks.handBack')}</p>
      <TakeBackForm onHandedBack={onHandedBack} />
    </section>
  );
}
