import { canWriteAgentOfType, type AgentView } from '@ciao/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../../app/session-context';
import { SECONDARY_BUTTON } from '../../../components/text-field';

/** `GET /api/agents/{id}/personal-data`: a plain link, so the browser downloads with the session cookie. */
export function personalDataUrl(agentId: string, format: 'json' | 'pdf'): string {
  return `/api/agents/${encodeURIComponent(agentId)}/personal-data?format=${format}`;
}

/**
 * The GDPR right of access: everything held about this agent, as JSON (machine-readable) or PDF
 * (to hand over). Shown only to roles that may edit this agent, the ones who see the full NISS.
 */
export function PersonalDataPanel({ agent }: { agent: AgentView }) {
  const { t } = useTranslation();
  const session = useSignedIn();
  const headingId = useId();
  if (!canWriteAgentOfType(session.user.role, agent.agentType)) return null;
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        {t('agentPersonalData.title')}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t('agentPersonalData.explanation')}</p>
      <div className="mt-3 flex flex-wrap gap-3">
        <a href={personalDataUrl(agent.id, 'json')} download className={SECONDARY_BUTTON}>
          {t('agentPersonalData.downloadJson')}
        </a>
        <a href={personalDataUrl(agent.id, 'pdf')} download className={SECONDARY_BUTTON}>
          {t('agentPersonalData.downloadPdf')}
        </a>
      </div>
    </section>
  );
}
