import { onssFollowUpStatusSchema, type OnssRegistrationView } from '@ciao/domain';
import { formatDateTime } from '@ciao/front-common';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../../app/session-context';
import { SelectField } from '../../../components/select-field';
import { PRIMARY_BUTTON, SECONDARY_BUTTON, TextField } from '../../../components/text-field';
import { OperationError } from '../../users/components/operation-error';
import { useOnssMutations } from '../hooks/use-onss';

const followUpStatuses = onssFollowUpStatusSchema.options;

/**
 * The follow-up fields of one registration, edited in place. The assignee is oneself, nobody, or
 * the person already assigned: supervisors and inspectors may not list the company's users.
 */
export function FollowUpEditor({
  registration,
  onDone,
}: {
  registration: OnssRegistrationView;
  onDone: (saved: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const me = useSignedIn().user;
  const { updateFollowUp } = useOnssMutations();
  const [status, setStatus] = useState<string>(registration.followUpStatus ?? '');
  const [comment, setComment] = useState(registration.followUpComment ?? '');
  const [assignee, setAssignee] = useState(registration.followUpAssignee?.id ?? '');
  const [reference, setReference] = useState(registration.correctionRequestReference ?? '');
  const current = registration.followUpAssignee;
  const assigneeOptions = [
    { value: '', label: t('onss.followUp.nobody') },
    { value: me.id, label: t('onss.followUp.me', { name: me.displayName }) },
    ...(current && current.id !== me.id ? [{ value: current.id, label: current.displayName }] : []),
  ];

  return (
    <form
      className="grid min-w-72 gap-2"
      aria-label={t('onss.followUp.editLabel', {
        agent: registration.agent.name,
        direction: t(`onss.direction.${registration.direction}`),
        time: formatDateTime(registration.registrationTime, i18n.language),
      })}
      onSubmit={(event) => {
        event.preventDefault();
        updateFollowUp.mutate(
          {
            id: registration.id,
            body: {
              followUpStatus: status === '' ? null : onssFollowUpStatusSchema.parse(status),
              comment: comment.trim() === '' ? null : comment.trim(),
              assigneeId: assignee === '' ? null : assignee,
              correctionRequestReference: reference.trim() === '' ? null : reference.trim(),
            },
          },
          { onSuccess: () => onDone(true) },
        );
      }}
    >
      <SelectField
        label={t('onss.followUp.status')}
        value={status}
        onChange={(event) => setStatus(event.target.value)}
        options={[
          { value: '', label: t('onss.followUp.none') },
          ...followUpStatuses.map((value) => ({ value, label: t(`onss.followUpStatus.${value}`) })),
        ]}
      />
      <TextField
        label={t('onss.followUp.comment')}
        value={comment}
        maxLength={2000}
        onChange={(event) => setComment(event.target.value)}
      />
      <SelectField
        label={t('onss.followUp.assignee')}
        value={assignee}
        onChange={(event) => setAssignee(event.target.value)}
        options={assigneeOptions}
      />
      <TextField
        label={t('onss.followUp.reference')}
        value={reference}
        maxLength={100}
        onChange={(event) => setReference(event.target.value)}
      />
      {updateFollowUp.error && <OperationError error={updateFollowUp.error} />}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={PRIMARY_BUTTON} disabled={updateFollowUp.isPending}>
          {updateFollowUp.isPending ? t('list.saving') : t('list.save')}
        </button>
        <button type="button" className={SECONDARY_BUTTON} onClick={() => onDone(false)}>
          {t('list.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The follow-up fields as text, for whoever may only read them. */
export function FollowUpText({ registration }: { registration: OnssRegistrationView }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-0.5">
      <p className="font-medium">
        {registration.followUpStatus
          ? t(`onss.followUpStatus.${registration.followUpStatus}`)
          : t('onss.followUp.none')}
      </p>
      {registration.followUpComment && <p className="text-slate-700">{registration.followUpComment}</p>}
      {registration.followUpAssignee && (
        <p className="text-slate-600">
          {t('onss.followUp.assignedTo', { name: registration.followUpAssignee.displayName })}
        </p>
      )}
      {registration.correctionRequestReference && (
        <p className="text-slate-600">
          {t('onss.followUp.referenceIs', { reference: registration.correctionRequestReference })}
        </p>
      )}
    </div>
  );
}
