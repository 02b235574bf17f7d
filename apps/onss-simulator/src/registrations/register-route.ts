import type { FastifyInstance } from 'fastify';
import type { FaultHooks } from '../faults.js';
import { authenticate } from '../oauth/bearer.js';
import { badRequest, sendProblem } from '../problem.js';
import type { SimulatorState } from '../state.js';
import { registerInBulkBodySchema, type ItemResult } from '../wire-schemas.js';
import { PATHS, REMARKS, VALIDITY } from '../wire.js';
import { checkItem } from './check-item.js';

export function registerRoute(app: FastifyInstance, state: SimulatorState, faults: FaultHooks): void {
  app.post(PATHS.registerInBulk, async (request, reply) => {
    const now = state.clock.now();
    const body = request.body as { items?: unknown } | null | undefined;
    const sent = Array.isArray(body?.items) ? body.items : [body ?? null];
    const log = (entry: {
      clientId: string | null;
      httpStatus: number;
      processed: boolean;
      results?: ItemResult[];
    }) =>
      state.received.record({
        receivedAt: now.toISOString(),
        items: sent,
        ...entry,
        ...(faults.dropsAnswer(request) ? { fault: 'timeout-after' } : {}),
      });

    const clientId = authenticate(request, reply, state);
    if (clientId === null) {
      log({ clientId: null, httpStatus: 401, processed: false });
      return reply;
    }
    const parsed = registerInBulkBodySchema.safeParse(body);
    if (!parsed.success) {
      log({ clientId, httpStatus: 400, processed: false });
      return sendProblem(reply, badRequest(parsed.error, 'body', 'The registerInBulk body is not valid.'));
    }

    const context = { now, settings: state.settings, referenceData: state.referenceData };
    const results = parsed.data.items.map((item): ItemResult => {
      const check = checkItem(item, context);
      if (!check.ok) return { notCreatedPresenceRegistration: { ...item, reasons: check.reasons } };
      // A presence ONSS already holds (same NISS, type, instant, employer and declaration) is
      // created again, carrying the SOAP remark SAME DECLARATION HAS ALREADY BEEN REGISTERED, and
      // later validated as FAILED; it is not refused. That is how the SOAP service reports
      // duplicates (a validation remark on the registration), and it means a client retrying after
      // a lost answer gets an id plus the remark, and must cancel the extra registration itself:
      // the simulator never hides a double send.
      const remarks = state.registrations.findSame(check.item)
        ? [REMARKS.sameDeclarationAlreadyRegistered]
        : [];
      const record = state.registrations.add({
        ...check.item,
        clientId,
        receivedAt: now,
        validationDueAt: new Date(now.getTime() + state.settings.validationDelayMs),
        remarks,
      });
      return {
        createdPresenceRegistration: { id: record.id, validity: VALIDITY.pending, remarks: [...remarks] },
      };
    });

    // Mixed outcomes still answer 200: each item says whether it was created.
    log({ clientId, httpStatus: 200, processed: true, results });
    return reply.code(200).send({ items: results });
  });
}
