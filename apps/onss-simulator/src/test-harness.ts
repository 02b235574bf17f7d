// Shared set-up of the simulator's own tests (not exported): a simulator on a manual clock with
// one registered client, and short-hands for its endpoints through `inject()`.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createManualClock, type ManualClock } from './clock.js';
import { DEMO_DECLARATION_NUMBERS, DEMO_ENTERPRISE_NUMBERS, DEMO_NISS } from './scenarios.js';
import { buildSimulator, type SimulatorOptions } from './simulator.js';
import { createClientKeyPair, signClientAssertion, type ClientKeyPair } from './testing.js';
import { OAUTH, PATHS, TOKEN_PATH } from './wire.js';

export const PUBLIC_BASE_URL = 'http://onss.test';
export const TOKEN_URL = `${PUBLIC_BASE_URL}${TOKEN_PATH}`;
/** Monday 2 March 2026, 10:00 in Brussels. */
export const START = '2026-03-02T09:00:00.000Z';

export interface Harness {
  app: FastifyInstance;
  clock: ManualClock;
  clientId: string;
  keys: ClientKeyPair;
  /** POSTs a form to the token endpoint. */
  tokenRequest(
    fields: Record<string, string>,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /** A valid assertion for the harness client (overrides for refusal tests). */
  assertion(overrides?: Partial<Parameters<typeof signClientAssertion>[1]>): Promise<string>;
  /** Gets an access token for the harness client. */
  token(): Promise<string>;
  register(items: unknown[], token?: string): Promise<LightMyRequestResponse>;
  get(url: string, token?: string): Promise<LightMyRequestResponse>;
  post(url: string, body: unknown, token?: string): Promise<LightMyRequestResponse>;
  admin(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
}

export async function createHarness(options: SimulatorOptions = {}): Promise<Harness> {
  const clock = createManualClock(START);
  const app = await buildSimulator({
    logLevel: 'silent',
    clock,
    publicBaseUrl: PUBLIC_BASE_URL,
    ...options,
    settings: { validationDelayMs: 2_000, ...options.settings },
  });
  const keys = await createClientKeyPair();
  const clientId = 'ciao-test-client';
  const registered = await app.inject({
    method: 'POST',
    url: '/admin/clients',
    payload: { clientId, publicKeyPem: keys.publicKeyPem },
  });
  if (registered.statusCode !== 201) throw new Error(`client registration failed: ${registered.body}`);

  const harness: Harness = {
    app,
    clock,
    clientId,
    keys,
    tokenRequest: (fields, headers = {}) =>
      app.inject({
        method: 'POST',
        url: TOKEN_PATH,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: new URLSearchParams(fields).toString(),
      }),
    assertion: (overrides = {}) =>
      signClientAssertion(keys.privateKey, {
        clientId,
        audience: TOKEN_URL,
        issuedAt: clock.now(),
        ...overrides,
      }),
    token: async () => {
      const response = await harness.tokenRequest({
        grant_type: OAUTH.grantType,
        client_assertion_type: OAUTH.clientAssertionType,
        client_assertion: await harness.assertion(),
      });
      if (response.statusCode !== 200) throw new Error(`token refused: ${response.body}`);
      return (response.json() as { access_token: string }).access_token;
    },
    register: async (items, token) =>
      app.inject({
        method: 'POST',
        url: PATHS.registerInBulk,
        headers: { authorization: `Bearer ${token ?? (await harness.token())}` },
        payload: { items },
      }),
    get: async (url, token) =>
      app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${token ?? (await harness.token())}` },
      }),
    post: async (url, body, token) =>
      app.inject({
        method: 'POST',
        url,
        headers: { authorization: `Bearer ${token ?? (await harness.token())}` },
        payload: body as object,
      }),
    admin: (method, url, body) =>
      app.inject({ method, url, ...(body === undefined ? {} : { payload: body as object }) }),
  };
  return harness;
}

/** A registration the demo reference data accepts (tenant worker on the office tower). */
export function validItem(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    registrationDate: '2026-03-02T07:58:00Z',
    ssin: DEMO_NISS.workers[0],
    type: 'in',
    employer: { enterpriseNumber: DEMO_ENTERPRISE_NUMBERS.tenant },
    placeOfWork: { coordinates: { latitude: 50.8553, longitude: 4.3585 } },
    contractualRelationshipReference: DEMO_DECLARATION_NUMBERS.officeTower,
    ...overrides,
  };
}

type Created = { createdPresenceRegistration: { id: number; validity: string; remarks: string[] } };
type NotCreated = { notCreatedPresenceRegistration: { reasons: { code: string; description: string }[] } };
export type RegisterAnswer = { items: (Created | NotCreated)[] };

/** The id of a created item; throws (fails the test) when the item was not created. */
export function createdId(answer: RegisterAnswer, index = 0): number {
  const item = answer.items[index];
  if (!item || !('createdPresenceRegistration' in item)) {
    throw new Error(`item ${index} was not created: ${JSON.stringify(item)}`);
  }
  return item.createdPresenceRegistration.id;
}

/** The reason codes of a refused item; throws when the item was created. */
export function reasonCodes(answer: RegisterAnswer, index: number): string[] {
  const item = answer.items[index];
  if (!item || !('notCreatedPresenceRegistration' in item)) {
    throw new Error(`item ${index} was created: ${JSON.stringify(item)}`);
  }
  return item.notCreatedPresenceRegistration.reasons.map((reason) => reason.code);
}
