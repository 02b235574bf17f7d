import {
  buildSimulator,
  createClientKeyPair,
  type Clock,
  type ClientKeyPair,
  type Settings,
} from '@ciao/onss-simulator';
import type { FastifyInstance } from 'fastify';

/** A running ONSS simulator reached over HTTP, and its admin API. */
export interface SimulatorClient {
  url: string;
  admin<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** Registers a fresh key pair for `clientId`; returns it (the private key as PKCS#8 PEM too). */
  registerClient(clientId: string): Promise<ClientKeyPair>;
}

/** The ONSS simulator on a free port, reached over real HTTP like ONSS, and its admin API. */
export interface TestSimulator extends SimulatorClient {
  app: FastifyInstance;
  close(): Promise<void>;
}

/** The admin API of the simulator listening at `url` (in this process or another). */
export function simulatorClient(url: string): SimulatorClient {
  const admin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!response.ok)
      throw new Error(`simulator ${method} ${path}: ${response.status} ${await response.text()}`);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    url,
    admin,
    registerClient: async (clientId) => {
      const keys = await createClientKeyPair();
      await admin('POST', '/admin/clients', { clientId, publicKeyPem: keys.publicKeyPem });
      return keys;
    },
  };
}

export async function startTestSimulator(
  options: { clock?: Clock; settings?: Partial<Settings> } = {},
): Promise<TestSimulator> {
  const app = await buildSimulator({
    logLevel: 'silent',
    ...(options.clock ? { clock: options.clock } : {}),
    settings: { validationDelayMs: 0, ...options.settings },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { ...simulatorClient(url), app, close: () => app.close() };
}

/** What the simulator logged of each registerInBulk call. */
export interface ReceivedCall {
  sequence: number;
  clientId: string;
  items: Record<string, unknown>[];
  httpStatus: number;
  processed: boolean;
  fault: string | null;
}

export async function receivedCalls(simulator: SimulatorClient, clientId: string): Promise<ReceivedCall[]> {
  const { calls } = await simulator.admin<{ calls: ReceivedCall[] }>('GET', '/admin/received');
  return calls.filter((call) => call.clientId === clientId);
}
