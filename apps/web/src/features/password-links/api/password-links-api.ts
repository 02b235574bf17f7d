import { invitationView, passwordLinkView } from '@ciao/domain';
import type { InvitationView, PasswordLinkView } from '@ciao/domain';
import { z } from 'zod';
import { api } from '../../../lib/api';

// These calls are made signed out: a 401 is theirs to show, not a session that ended.
const publicCall = { ignoreSessionEnd: true } as const;

/** `POST /api/auth/password-reset`: always accepted, whether or not the account exists. */
export function requestPasswordReset(body: { companyCode: string; login: string }): Promise<unknown> {
  return api.post('/api/auth/password-reset', z.object({ accepted: z.literal(true) }), body, publicCall);
}

/** Whose link it is and whether it still works (the token goes in the body, never in a URL). */
export function lookUpPasswordLink(token: string, signal?: AbortSignal): Promise<PasswordLinkView> {
  return api.post('/api/auth/password-link', passwordLinkView, { token }, { ...publicCall, signal });
}

export function completePasswordLink(body: { token: string; password: string }): Promise<null> {
  return api.post('/api/auth/password-link/completion', z.null(), body, publicCall);
}

/** An administrator e-mails a user the link to choose a password (valid 7 days). */
export function inviteUser(userId: string): Promise<InvitationView> {
  return api.post(`/api/users/${encodeURIComponent(userId)}/invitation`, invitationView);
}
