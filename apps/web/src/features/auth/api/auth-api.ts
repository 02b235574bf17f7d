import { sessionInfo, webSignInResponse } from '@ciao/domain';
import type { SessionInfo } from '@ciao/domain';
import { z } from 'zod';
import { api } from '../../../lib/api';

export type SignInAnswer = z.output<typeof webSignInResponse>;

/** `POST /api/auth/sign-in`: a full session, or a pending one waiting for the second factor. */
export function signIn(body: {
  companyCode: string;
  login: string;
  password: string;
}): Promise<SignInAnswer> {
  return api.post('/api/auth/sign-in', webSignInResponse, body, { ignoreSessionEnd: true });
}

/** `POST /api/auth/second-factor`: a 6-digit code or a recovery code completes the sign-in. */
export function completeSecondFactor(code: string): Promise<SignInAnswer> {
  return api.post('/api/auth/second-factor', webSignInResponse, { code });
}

export function signOut(): Promise<null> {
  return api.post('/api/auth/sign-out', z.null(), undefined, { ignoreSessionEnd: true });
}

/** `GET /api/auth/session`: who is signed in, the company and what the role allows. */
export function getSession(signal?: AbortSignal): Promise<SessionInfo> {
  return api.get('/api/auth/session', sessionInfo, { signal, ignoreSessionEnd: true });
}
