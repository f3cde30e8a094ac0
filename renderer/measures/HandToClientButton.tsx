import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { ClientModeContext, useClientMode } from '../client-mode/client-mode-context';

interface HandToClientButtonProps {
  caseId: number;
  instrumentIds: string[];
  onFinished: () => void;
}

/**
 * Hands the desktop to the client for the due questionnaires (client mode). Shown only where
 * the client-mode provider is mounted around the app: without it there is nothing to hand over to.
 */
export function HandToClientButton(props: HandToClientButtonProps) {
  if (useContext(ClientModeContext) === null) return null;
  return <StartClientModeButton {...props} />;
}

function StartClientModeButton({ caseId, instrumentIds, onFinished }: HandToClientButtonProps) {
  const { t } = useTranslation();
  const clientMode = useClientMode();
  return (
    <button
      type="button"
      className="button button--secondary button--small"
      disabled={instrumentIds.length === 0}
      data-testid="hand-to-client"
      onClick={() => clientMode.start({ caseId, instrumentIds, onFinished })}
    >
      {t('measures.case.handToClient')}
    </button>
  );
}
