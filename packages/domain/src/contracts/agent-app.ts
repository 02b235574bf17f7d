import { z } from 'zod';

/**
 * The platforms the agent app runs on: the installed PWA reports `web` unless packaged natively.
 *
 * @example
 * devicePlatform.parse('android');
 */
export const devicePlatform = z.enum(['ios', 'android', 'web', 'other']);

export type DevicePlatform = z.infer<typeof devicePlatform>;

/**
 * A semantic version such as `1.4.0` or `1.5.0-beta.2` (the agent app's version, compared with the
 * server's `minimumAgentAppVersion`).
 *
 * @example
 * agentAppVersion.parse('1.4.0');
 */
export const agentAppVersion = z
  .string()
  .trim()
  .max(50)
  .regex(
    /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/,
    'must be a version such as 1.4.0',
  );

/**
 * A licence code as typed: blanks, dashes and case do not matter (`abcd efgh jkmn` is
 * `ABCD-EFGH-JKMN`); the server compares its hash.
 *
 * @example
 * licenceCodeInput.parse(' abcd-efgh-jkmn ');
 */
export const licenceCodeInput = z
  .string()
  .trim()
  .min(4, 'is the licence code your employer gave you')
  .max(64, 'is the licence code your employer gave you');

/**
 * The app's first call: the licence code, plus the identity of this installation.
 *
 * @example
 * activationRequest.parse({
 *   licenceCode: 'ABCD-EFGH-JKMN',
 *   installationId: '3f1c2a9e-5b7d-4c1e-9a0b-6d8e2f4a1c3b',
 *   platform: 'android',
 *   appVersion: '1.0.0',
 * });
 */
export const activationRequest = z.object({
  licenceCode: licenceCodeInput,
  /** Made by the app at install time (a UUID, say) and kept: re-activating with it rotates the token. */
  installationId: z
    .string()
    .trim()
    .min(8, 'must be at least 8 characters')
    .max(100, 'must be at most 100 characters')
    .regex(/^[\x21-\x7e]+$/, 'may only contain visible ASCII characters'),
  platform: devicePlatform,
  appVersion: agentAppVersion,
});

export type ActivationRequest = z.infer<typeof activationRequest>;

/**
 * The company of an activated device or a signed-in agent.
 *
 * @example
 * agentAppCompany.parse({ code: 'DEMO', name: 'Démo Nettoyage SA' });
 */
export const agentAppCompany = z.object({ code: z.string(), name: z.string() });

/**
 * The device token is shown once: the app keeps it and sends it as `Authorization: Bearer` to sign
 * agents in.
 *
 * @example
 * activationResponse.shape.deviceToken;
 */
export const activationResponse = z
  .object({
    deviceToken: z.string(),
    company: agentAppCompany,
  })
  .meta({
    examples: [{ deviceToken: 'q7VtM2…(43 characters)', company: { code: 'DEMO', name: 'Demo Cleaning' } }],
  });

export type ActivationResponse = z.infer<typeof activationResponse>;

/**
 * The agent login on an activated device: `IDENTIFIER@COMPANY` (e.g. `TEST@DEMO`, any case) and the
 * mobile password. The form of `login` is checked by the server with the device's company code, so
 * that the refusal can show the expected form (see `parseMobileLogin`).
 *
 * @example
 * agentSignInRequest.parse({ login: 'test@demo', password: 'test1234' });
 */
export const agentSignInRequest = z.object({
  login: z.string().max(200, 'must be at most 200 characters'),
  // Length rules apply when a password is set, not at sign-in: an old password must still work.
  password: z.string().min(1, 'is required').max(200),
});

export type AgentSignInRequest = z.infer<typeof agentSignInRequest>;

/**
 * What the agent app shows of the signed-in agent (never the NISS, never a credential).
 *
 * @example
 * agentProfile.parse({ id: '…', identifier: 'TEST', firstName: 'Jean', lastName: 'Dupont', language: 'fr' });
 */
export const agentProfile = z.object({
  id: z.uuid(),
  identifier: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  language: z.string(),
});

export type AgentProfile = z.infer<typeof agentProfile>;

/**
 * The agent token is shown once: the app sends it as `Authorization: Bearer` on every agent call.
 *
 * @example
 * agentSignInResponse.shape.agentToken;
 */
export const agentSignInResponse = z
  .object({
    agentToken: z.string(),
    agent: agentProfile,
    company: agentAppCompany,
  })
  .meta({
    examples: [
      {
        agentToken: 'Xk29pL…(43 characters)',
        agent: {
          id: '3f1c8a52-4b7e-4d0f-9c2a-6e5b1d7f8a90',
          identifier: 'TEST',
          firstName: 'Jean',
          lastName: 'Dupont',
          language: 'fr',
        },
        company: { code: 'DEMO', name: 'Demo Cleaning' },
      },
    ],
  });

export type AgentSignInResponse = z.infer<typeof agentSignInResponse>;

/**
 * The signed-in agent, its company and the device it is signed in on.
 *
 * @example
 * agentSession.shape.deviceId;
 */
export const agentSession = z
  .object({
    agent: agentProfile,
    company: agentAppCompany,
    deviceId: z.uuid(),
  })
  .meta({
    examples: [
      {
        agent: {
          id: '3f1c8a52-4b7e-4d0f-9c2a-6e5b1d7f8a90',
          identifier: 'TEST',
          firstName: 'Jean',
          lastName: 'Dupont',
          language: 'fr',
        },
        company: { code: 'DEMO', name: 'Demo Cleaning' },
        deviceId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
      },
    ],
  });

export type AgentSession = z.infer<typeof agentSession>;
