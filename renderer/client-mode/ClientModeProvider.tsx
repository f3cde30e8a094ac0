import '../styles/client-mode.css';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeasureAlert } from '../../shared/contract/measure-schemas';
import type { ErrorCode } from '../../shared/errors';
import { call, errorCodeOf } from '../api/client';
import { Dialog } from '../components/Dialog';
import { flushAll } from '../drafts/flush-registry';
import { FormAlert } from '../forms/FormAlert';
import { HandBackAlertDialog } from '../measures/alerts/HandBackAlertDialog';
import { ClientModeContext, type ClientModeApi, type ClientModeRequest } from './client-mode-context';
import { ClientQuestionnaire } from './ClientQuestionnaire';

type State =
  | { kind: 'off' }
  | { kind: 'starting'; request: ClientModeRequest }
  | { kind: 'refused'; code: ErrorCode }
  | { kind: 'with-client'; request: ClientModeRequest }
  | { kind: 'alerts'; request: ClientModeRequest; alerts: MeasureAlert[] };

/**
 * Client mode around the signed-in app. While the client holds the desktop only the
 * questionnaire is rendered: the shell, its navigation and every open screen are unmounted,
 * not covered, so nothing of the app is in the page to reach (and the dispatcher refuses
 * every other channel besides). The counsellor's passphrase brings the app back, showing
 * them any alert the answers raised before anything else.
 */
export function ClientModeProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'off' });

  const start = useCallback((request: ClientModeRequest) => {
    setState({ kind: 'starting', request });
    void (async () => {
      try {
        await flushAll(); // a note being typed reaches the vault before its screen goes away
        await call('measures.startClientMode', { caseId: request.caseId });
        setState({ kind: 'with-client', request });
      } catch (error) {
        setState({ kind: 'refused', code: errorCodeOf(error) });
      }
    })();
  }, []);

  const api = useMemo<ClientModeApi>(() => ({ start }), [start]);

  const finish = (request: ClientModeRequest) => {
    setState({ kind: 'off' });
    request.onFinished?.();
  };

  if (state.kind === 'with-client') {
    return (
      <ClientQuestionnaire
        request={state.request}
        onHandedBack={(alerts) => (alerts.length > 0 ? setState({ kind: 'alerts', request: state.request, alerts }) : finish(state.request))}
      />
    );
  }

  return (
    <ClientModeContext.Provider value={api}>
      {children}
      {state.kind === 'alerts' && <HandBackAlertDialog alerts={state.alerts} onDone={() => finish(state.request)} />}
      {state.kind === 'refused' && (
        <Dialog title={t('clientMode.refused.title')} onClose={() => setState({ kind: 'off' })}>
          <FormAlert code={state.code} />
          <div className="form-actions">
            <button type="button" className="button button--secondary" onClick={() => setState({ kind: 'off' })}>
              {t('clientMode.refused.close')}
            </button>
          </div>
        </Dialog>
      )}
    </ClientModeContext.Provider>
  );
}
