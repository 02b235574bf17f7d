import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { nextDate, startOfBrusselsDay } from '../brussels-time.js';
import { authenticate } from '../oauth/bearer.js';
import { badRequest, problem, sendProblem } from '../problem.js';
import type { SimulatorState } from '../state.js';
import { cancelBodySchema, idParamsSchema, searchQuerySchema, type SearchQuery } from '../wire-schemas.js';
import { MAX_SEARCH_RESULTS, PATHS, PROBLEM_TYPES, STATUS } from '../wire.js';
import { presentRegistration, type RegistrationRecord } from './store.js';
import { settleValidations } from './validation.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A search period as [from, to) in epoch ms: whole Belgian days, or instants (both included). */
function period(query: SearchQuery): { from: number; to: number } | string {
  const bound = (value: string, end: boolean): number | null => {
    if (DATE_ONLY.test(value)) return startOfBrusselsDay(end ? nextDate(value) : value)?.getTime() ?? null;
    const instant = new Date(value);
    return Number.isNaN(instant.getTime()) ? null : instant.getTime() + (end ? 1 : 0);
  };
  const from = bound(query.startDate, false);
  const to = bound(query.endDate, true);
  if (from === null || to === null)
    return 'startDate and endDate must be dates (YYYY-MM-DD) or ISO 8601 instants.';
  if (to <= from) return 'endDate must not be before startDate.';
  return { from, to };
}

function matches(record: RegistrationRecord, query: SearchQuery, clientId: string, from: number, to: number) {
  const at = record.registrationDate.getTime();
  return (
    record.clientId === clientId &&
    at >= from &&
    at < to &&
    (query.ssin === undefined || record.ssin === query.ssin) &&
    (query.contractualRelationshipReference === undefined ||
      record.contractualRelationshipReference === query.contractualRelationshipReference) &&
    (query.validity === undefined || record.validity === query.validity) &&
    (query.status === undefined || record.status === query.status)
  );
}

function notFound(reply: FastifyReply, id: string) {
  return sendProblem(reply, problem(404, PROBLEM_TYPES.resourceNotFound, `No presence registration ${id}.`));
}

/** Parses the id and finds the caller's registration; answers the error itself otherwise. */
function findOwn(request: FastifyRequest, reply: FastifyReply, state: SimulatorState, clientId: string) {
  const params = idParamsSchema.safeParse(request.params);
  const raw = (request.params as { id?: string }).id ?? '';
  if (!params.success) {
    sendProblem(reply, badRequest(params.error, 'path', 'The registration id must be a positive number.'));
    return null;
  }
  const record = state.registrations.get(params.data.id);
  // Another client's registration is as good as absent: ONSS shows an employer only its own.
  if (!record || record.clientId !== clientId) {
    notFound(reply, raw);
    return null;
  }
  return record;
}

export function readRoutes(app: FastifyInstance, state: SimulatorState): void {
  const settle = () => settleValidations(state.registrations, state.referenceData, state.clock.now());

  app.get(PATHS.search, async (request, reply) => {
    const clientId = authenticate(request, reply, state);
    if (clientId === null) return reply;
    const parsed = searchQuerySchema.safeParse(request.query);
    if (!parsed.success) {
      return sendProblem(reply, badRequest(parsed.error, 'query', 'The search parameters are not valid.'));
    }
    const query = parsed.data;
    const bounds = period(query);
    if (typeof bounds === 'string') return sendProblem(reply, problem(400, PROBLEM_TYPES.badRequest, bounds));

    settle();
    const found = state.registrations
      .inPeriod(clientId, bounds.from, bounds.to)
      .filter((record) => matches(record, query, clientId, bounds.from, bounds.to));
    // Like SOAP searchPresences, a search never yields more than 500 results: narrow the period.
    const capped = found.slice(0, MAX_SEARCH_RESULTS);
    const start = (query.page - 1) * query.pageSize;
    return {
      items: capped.slice(start, start + query.pageSize).map((record) => presentRegistration(record, false)),
      page: query.page,
      pageSize: query.pageSize,
      totalItems: capped.length,
      totalPages: Math.ceil(capped.length / query.pageSize),
      truncated: found.length > MAX_SEARCH_RESULTS,
    };
  });

  app.get(PATHS.one, async (request, reply) => {
    const clientId = authenticate(request, reply, state);
    if (clientId === null) return reply;
    settle();
    const record = findOwn(request, reply, state, clientId);
    if (!record) return reply;
    return presentRegistration(record, true);
  });

  app.post(PATHS.cancel, async (request, reply) => {
    const clientId = authenticate(request, reply, state);
    if (clientId === null) return reply;
    settle();
    const record = findOwn(request, reply, state, clientId);
    if (!record) return reply;
    const body = cancelBodySchema.safeParse(request.body);
    if (!body.success) {
      return sendProblem(
        reply,
        badRequest(body.error, 'body', 'A cancellation needs a reason: HOLIDAY, DISEASE, PLANNING or C32A.'),
      );
    }
    if (record.status === STATUS.cancelled) {
      return sendProblem(
        reply,
        problem(409, PROBLEM_TYPES.conflict, `Presence registration ${record.id} is already cancelled.`),
      );
    }
    record.status = STATUS.cancelled;
    record.cancellationReason = body.data.reason;
    record.history.push({
      at: state.clock.now().toISOString(),
      validity: record.validity,
      status: STATUS.cancelled,
      remarks: [...record.remarks],
      cancellationReason: body.data.reason,
    });
    return presentRegistration(record, true);
  });
}
