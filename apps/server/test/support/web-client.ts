import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

export interface WebSession {
  cookie: string;
  csrfToken: string;
}

function cookieValue(response: LightMyRequestResponse, name: string): string | undefined {
  const cookie = response.cookies.find((candidate) => candidate.name === name);
  return cookie?.value;
}

/** Signs in through the real route and returns what a browser would keep. */
export async function signIn(
  app: FastifyInstance,
  credentials: { companyCode: string; login: string; password: string },
): Promise<{ response: LightMyRequestResponse; session: WebSession }> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: credentials });
  const sessionToken = cookieValue(response, 'ciao_session') ?? '';
  const csrfToken = cookieValue(response, 'ciao_csrf') ?? '';
  return { response, session: { cookie: `ciao_session=${sessionToken}; ciao_csrf=${csrfToken}`, csrfToken } };
}

/** A request as the signed-in browser sends it: session cookie, and the CSRF header on changes. */
export function asUser(app: FastifyInstance, session: WebSession, options: InjectOptions) {
  return app.inject({
    ...options,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, ...(options.headers ?? {}) },
  });
}
