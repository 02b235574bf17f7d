import type { UserView } from '@ciao/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SECONDARY_BUTTON } from '../../../components/text-field';
import { inviteUser } from '../api/password-links-api';

/**
 * "Invite": e-mails the user a link to choose their password. Without an e-mail address the
 * button says why it cannot be used rather than failing.
 */
export function InviteUserButton({
  user,
  disabled,
  onDone,
  onError,
}: {
  user: UserView;
  disabled?: boolean;
  onDone: (message: string) => void;
  onError: (error: unknown) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const invite = useMutation({
    mutationFn: () => inviteUser(user.id),
    onSuccess: (sent) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      const until = new Intl.DateTimeFormat(i18n.language, {
        dateStyle: 'long',
        timeZone: 'Europe/Brussels',
      }).format(new Date(sent.expiresAt));
      onDone(t('passwordLinks.invite.sent', { email: sent.sentTo, date: until }));
    },
    onError,
  });
  const noEmail = !user.email;
  return (
    <>
      <button
        type="button"
        disabled={disabled || noEmail || !user.active || invite.isPending}
        aria-describedby={noEmail ? `invite-hint-${user.id}` : undefined}
        className={SECONDARY_BUTTON}
        onClick={() => invite.mutate()}
      >
        {invite.isPending ? t('passwordLinks.invite.sending') : t('passwordLinks.invite.action')}
      </button>
      {noEmail && (
        <p id={`invite-hint-${user.id}`} className="self-center text-sm text-slate-600">
          {t('passwordLinks.invite.needsEmail')}
        </p>
      )}
    </>
  );
}
