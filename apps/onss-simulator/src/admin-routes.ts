// The simulator's control panel, for tests and the demo. It is unauthenticated on purpose (tests
// drive it without credentials), so the simulator must never be reachable from outside the
// machine or the test network: it would let anyone register keys and read every NISS received.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { faultConfigSchema } from './faults.js';
import { ClientRegistrationError } from './oauth/client-registry.js';
import { badRequest, problem, sendProblem } from './problem.js';
import { referenceDataSchema } from './reference-data.js';
import { presentRegistration } from './registrations/store.js';
import { settleValidations } from './registrations/validation.js';
import { isScenarioName, SCENARIO_NAMES, scenarioReferenceData } from './scenarios.js';
import type { SimulatorState } from './state.js';
import { PROBLEM_TYPES } from './wire.js';

const clientSchema = z
  .object({
    clientId: z.string().min(1).max(200),
    publicKeyPem: z.string().min(1).optional(),
    certificatePem: z.string().min(1).optional(),
  })
  .refine((client) => (client.publicKeyPem === undefined) !== (client.certificatePem === undefined), {
    message: 'give exactly one of publicKeyPem and certificatePem',
  });

const settingsSchema = z.object({
  validationDelayMs: z.number().int().min(0).max(86_400_000).optional(),
  tokenLifetimeSeconds: z.number().int().min(1).max(86_400).optional(),
  declarationChecks: z.enum(['register', 'validation']).optional(),
  clockToleranceSeconds: z.number().int().min(0).max(3_600).optional(),
  maxAssertionLifetimeSeconds: z.number().int().min(1).max(86_400).optional(),
});

const clockSchema = z
  .object({ now: z.iso.datetime({ offset: true }).optional(), advanceMs: z.number().int().optional() })
  .refine((body) => (body.now === undefined) !== (body.advanceMs === undefined), {
    message: 'give exactly one of now and advanceMs',
  });

function parse<T>(schema: z.ZodType<T>, body: unknown, reply: FastifyReply): T | null {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  sendProblem(reply, badRequest(result.error, 'body', 'The admin request body is not valid.'));
  return null;
}

export function adminRoutes(app: FastifyInstance, state: SimulatorState): void {
  const settle = () => settleValidations(state.registrations, state.referenceData, state.clock.now());
  const clock = () => ({ now: state.clock.now().toISOString(), offsetMs: state.clock.offsetMs });

  app.post('/admin/reset', async () => {
    await state.reset();
    return { reset: true };
  });

  app.post('/admin/clients', async (request, reply) => {
    const body = parse(clientSchema, request.body, reply);
    if (!body) return reply;
    try {
      const client = await state.clients.register(body, state.clock.now());
      return reply.code(201).send({ clientId: client.clientId, keySource: client.keySource });
    } catch (error) {
      if (!(error instanceof ClientRegistrationError)) throw error;
      return sendProblem(reply, problem(400, PROBLEM_TYPES.badRequest, error.message));
    }
  });

  app.get('/admin/clients', async () => ({
    clients: state.clients
      .list()
      .map(({ clientId, keySource, registeredAt }) => ({ clientId, keySource, registeredAt })),
  }));

  app.get('/admin/reference-data', async () => state.referenceData.snapshot());

  app.put('/admin/reference-data', async (request, reply) => {
    const body = parse(referenceDataSchema, request.body, reply);
    if (!body) return reply;
    state.referenceData.replace(body);
    return state.referenceData.snapshot();
  });

  app.patch('/admin/reference-data', async (request, reply) => {
    const body = parse(referenceDataSchema, request.body, reply);
    if (!body) return reply;
    state.referenceData.merge(body);
    return state.referenceData.snapshot();
  });

  app.post('/admin/scenarios/:name', async (request, reply) => {
    const { name } = request.params as { name: string };
    if (!isScenarioName(name)) {
      const detail = `No scenario "${name}"; known: ${SCENARIO_NAMES.join(', ')}.`;
      return sendProblem(reply, problem(404, PROBLEM_TYPES.resourceNotFound, detail));
    }
    state.referenceData.replace(scenarioReferenceData(name));
    return { scenario: name, referenceData: state.referenceData.snapshot() };
  });

  app.get('/admin/faults', async () => state.faults.current());

  app.put('/admin/faults', async (request, reply) => {
    const body = parse(faultConfigSchema, request.body, reply);
    if (!body) return reply;
    state.faults.set(body);
    const expiredTokens = body.expireTokens ? state.tokens.expireAll(state.clock.now()) : 0;
    return { faults: state.faults.current(), expiredTokens };
  });

  app.delete('/admin/faults', async () => {
    state.faults.clear();
    return { faults: state.faults.current() };
  });

  app.post('/admin/tokens/expire', async () => ({
    expiredTokens: state.tokens.expireAll(state.clock.now()),
  }));

  app.get('/admin/settings', async () => state.settings);

  app.put('/admin/settings', async (request, reply) => {
    const body = parse(settingsSchema, request.body, reply);
    if (!body) return reply;
    for (const [key, value] of Object.entries(body)) {
      if (value !== undefined) Object.assign(state.settings, { [key]: value });
    }
    return state.settings;
  });

  app.get('/admin/clock', async () => clock());

  app.put('/admin/clock', async (request, reply) => {
    const body = parse(clockSchema, request.body, reply);
    if (!body) return reply;
    if (body.now !== undefined) state.clock.shiftTo(new Date(body.now));
    if (body.advanceMs !== undefined) state.clock.shiftBy(body.advanceMs);
    return clock();
  });

  app.get('/admin/received', async () => ({ calls: state.received.list() }));

  app.get('/admin/registrations', async (request) => {
    settle();
    const { clientId } = request.query as { clientId?: string };
    const records = state.registrations.filter(
      (record) => clientId === undefined || record.clientId === clientId,
    );
    return {
      registrations: records.map((record) => ({
        ...presentRegistration(record, true),
        clientId: record.clientId,
      })),
    };
  });
}
