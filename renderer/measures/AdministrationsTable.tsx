import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Administration, InstrumentView } from '../../shared/contract/measure-schemas';
import { useFormatters } from '../session/useFormatters';
import { BandBadge, ScoreValue } from './AdministrationScore';
import { shortNameOf, wallClockText } from './measure-text';

interface AdministrationsTableProps {
  administrations: Administration[];
  instruments: ReadonlyMap<string, InstrumentView>;
}

/**
 * The case's questionnaires, newest first, with their scores. The answers item by item open
 * under a row for the case's counsellors only: an admin's list carries no answers at all
 * (the service leaves them out), so there is nothing to open.
 */
export function AdministrationsTable({ administrations, instruments }: AdministrationsTableProps) {
  const { t } = useTranslation();
  const { zone, language } = useFormatters();
  const [open, setOpen] = useState<number | null>(null);
  const newestFirst = [...administrations].sort((a, b) => b.administeredAt.localeCompare(a.administeredAt) || b.id - a.id);
  const anyAnswers = newestFirst.some((administration) => administration.responses !== null);
  return (
    <div className="table-wrap">
      <table className="table table--dense measure-table" data-testid="measure-administrations">
        <thead>
          <tr>
            <th scope="col">{t('measures.table.when')}</th>
            <th scope="col">{t('measures.table.instrument')}</th>
            <th scope="col">{t('measures.table.score')}</th>
            <th scope="col">{t('measures.table.band')}</th>
            <th scope="col">{t('measures.table.mode')}</th>
            <th scope="col">{t('measures.table.by')}</th>
            {anyAnswers && (
              <th scope="col">
                <span className="visually-hidden">{t('measures.table.answers')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((administration) => {
            const instrument = instruments.get(administration.instrumentId);
            const expanded = open === administration.id;
            const answersId = `measure-answers-${administration.id}`;
            return (
              <Fragment key={administration.id}>
                <tr data-testid="measure-row" data-instrument={administration.instrumentId}>
                  <td className="measure-table__when">{wallClockText(administration.administeredAt, zone, language)}</td>
                  <td className="cell-primary">{shortNameOf(instruments, administration.instrumentId)}</td>
                  <td data-testid="measure-row-score">
                    <ScoreValue administration={administration} instrument={instrument} />
                  </td>
                  <td>
                    <BandBadge administration={administration} instrument={instrument} />
                  </td>
                  <td>{t(`measures.mode.${administration.mode}`)}</td>
                  <td className="cell-secondary">{administration.recordedByName}</td>
                  {anyAnswers && (
                    <td className="table__actions">
                      {administration.responses && (
                        <button type="button" className="button button--ghost button--small" aria-expanded={expanded} aria-controls={answersId} onClick={() => setOpen(expanded ? null : administration.id)}>
                          {expanded ? t('measures.table.hideAnswers') : t('measures.table.showAnswers')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
                {expanded && administration.responses && (
                  <tr className="measure-table__answers-row">
                    <td colSpan={7} id={answersId}>
                      <AnswerList responses={administration.responses} instrument={instrument} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The answers as given, item by item, in the screen's language. */
function AnswerList({ responses, instrument }: { responses: (number | null)[]; instrument: InstrumentView | undefined }) {
  const { t } = useTranslation();
  return (
    <ol className="measure-answers" aria-label={t('measures.table.answers')} data-testid="measure-answers">
      {responses.map((value, index) => {
        const item = instrument?.items[index];
        const option = item?.options.find((candidate) => candidate.value === value);
        return (
          <li key={index} className="measure-answers__item">
            <span className="measure-answers__number">{item?.number ?? index + 1}.</span>
            <span className="measure-answers__text">{item?.text ?? t('measures.record.itemLabel', { number: index + 1 })}</span>
            <span className={value === null ? 'measure-answers__value measure-answers__value--none' : 'measure-answers__value'}>
              {value === null ? t('measures.table.noAnswer') : (option?.label ?? String(value))}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
