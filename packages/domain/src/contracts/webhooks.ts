import { z } from 'zod';
import { isoInstant, optionalText, pageOf, pageQuery } from './common.js';
import { publicAgent, publicAnomaly, publicOnssStatus, publicRegistration } from './public-api.js';

/*
 * Webhooks: ciao POSTs an event to a company's URL when something happens. The `data` of each event
 * is the public API v1 shape of the object (a registration, an ONSS status, an anomaly, an agent), so
 * an integrator has one contract for reading and for being told; like v1, payloads only grow.
 */

/**
 * The events a subscription can choose.
 *
 * @example
 * webhookEventType.parse('anomaly.opened');
 */
export const webhookEventType = z.enum([
  'registration.created',
  'onss.status_changed',
  'anomaly.opened',
  'anomaly.resolved',
  'agent.updated',
]);

export type WebhookEventType = z.infer<typeof webhookEventType>;

/** Every event type, in the order the back-office lists them. */
export const webhookEventTypes = webhookEventType.options;

/** The type of the event sent by "send a test event": never chosen, always accepted. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

const hostsAllowedOverHttp = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why a webhook URL is refused, or null when it is fine: https, or http to this machine only
 * (tests, a receiver on the same host). No credentials in the URL (they would show in the log).
 * Targets written as private, loopback or link-local IP addresses are refused over https: nobody
 * holds a certificate for them, and they are how a URL reaches a cloud's metadata service.
 *
 * @example
 * webhookUrlProblem('https://erp.example.be/ciao'); // null
 * webhookUrlProblem('http://erp.example.be/ciao'); // 'HTTPS_REQUIRED'
 */
export function webhookUrlProblem(
  text: string,
): null | 'INVALID_URL' | 'HTTPS_REQUIRED' | 'CREDENTIALS_IN_URL' | 'PRIVATE_ADDRESS' {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'INVALID_URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'INVALID_URL';
  if (url.username || url.password) return 'CREDENTIALS_IN_URL';
  if (url.protocol === 'http:') return hostsAllowedOverHttp.has(url.hostname) ? null : 'HTTPS_REQUIRED';
  return isPrivateAddressLiteral(url.hostname) ? 'PRIVATE_ADDRESS' : null;
}

function isPrivateAddressLiteral(hostname: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(hostname);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168)
    );
  }
  if (hostname.startsWith('[')) {
    const v6 = hostname.slice(1, -1).toLowerCase();
    return (
      v6 === '::1' || v6 === '::' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || v6.startsWith('::ffff:')
    );
  }
  return hostname === 'localhost' || hostname.endsWith('.localhost');
}

const webhookUrl = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .superRefine((value, context) => {
    const problem = webhookUrlProblem(value);
    const messages = {
      INVALID_URL: 'must be a full http(s) URL',
      HTTPS_REQUIRED: 'must use https (http only to localhost)',
      CREDENTIALS_IN_URL: 'must not contain a user name or password',
      PRIVATE_ADDRESS: 'must not be a private, loopback or link-local address',
    };
    if (problem) context.addIssue({ code: 'custom', message: messages[problem], params: { code: problem } });
  });

/**
 * Why a subscription receives nothing: `manual` (an administrator paused it) or `failing` (every
 * attempt failed for 24 hours: ciao paused it and told the administrators).
 */
export const webhookPausedReason = z.enum(['manual', 'failing']);

/**
 * A subscription as the back-office lists it: never its secret (shown once, at creation).
 *
 * @example
 * webhookSubscriptionSummary.shape.status;
 */
export const webhookSubscriptionSummary = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(webhookEventType),
  status: z.enum(['active', 'paused']),
  pausedAt: isoInstant.nullable(),
  pausedReason: webhookPausedReason.nullable(),
  /** Since when every attempt has failed; null when the last attempt succeeded. */
  failingSince: isoInstant.nullable(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});

export type WebhookSubscriptionSummary = z.infer<typeof webhookSubscriptionSummary>;

/** @example webhookSubscriptionList.parse({ items: [] }); */
export const webhookSubscriptionList = z.object({ items: z.array(webhookSubscriptionSummary) });

const chosenEvents = z
  .array(webhookEventType)
  .min(1, 'choose at least one event')
  .transform((events) => webhookEventTypes.filter((type) => events.includes(type)));

/**
 * A new subscription: where to send, which events, and a note to recognise it.
 *
 * @example
 * createWebhookSubscriptionRequest.parse({ url: 'https://erp.example.be/ciao', events: ['anomaly.opened'] });
 */
export const createWebhookSubscriptionRequest = z.object({
  url: webhookUrl,
  events: chosenEvents,
  description: optionalText(200).optional(),
});

export type CreateWebhookSubscriptionRequest = z.output<typeof createWebhookSubscriptionRequest>;

/**
 * A change to a subscription. `active: false` pauses it, `active: true` resumes it (also after ciao
 * paused it for failing).
 *
 * @example
 * updateWebhookSubscriptionRequest.parse({ active: true });
 */
export const updateWebhookSubscriptionRequest = z.object({
  url: webhookUrl.optional(),
  events: chosenEvents.optional(),
  description: optionalText(200).optional(),
  active: z.boolean().optional(),
});

export type UpdateWebhookSubscriptionRequest = z.output<typeof updateWebhookSubscriptionRequest>;

/**
 * The only answer that ever contains the signing secret: show it once.
 *
 * @example
 * createdWebhookSubscription.shape.secret; // 'whsec_…'
 */
export const createdWebhookSubscription = z.object({
  subscription: webhookSubscriptionSummary,
  secret: z.string(),
});

/**
 * One event sent (or to send) to one subscription, with how its last attempt went.
 *
 * @example
 * webhookDeliverySummary.shape.lastStatusCode;
 */
export const webhookDeliverySummary = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  eventType: z.string(),
  /** pending (to send or to retry), delivered (a 2xx answer), failed (given up after 24 hours). */
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  lastDurationMs: z.number().int().nullable(),
  lastAttemptAt: isoInstant.nullable(),
  nextAttemptAt: isoInstant.nullable(),
  deliveredAt: isoInstant.nullable(),
  createdAt: isoInstant,
});

export type WebhookDeliverySummary = z.infer<typeof webhookDeliverySummary>;

/** The delivery log of a subscription, newest first. */
export const webhookDeliveryQuery = pageQuery.extend({
  status: z.enum(['pending', 'delivered', 'failed']).optional(),
});

export const webhookDeliveryPage = pageOf(webhookDeliverySummary);

// --- What the receiver gets ------------------------------------------------------------------------

/** The company an event belongs to: a receiver serving several companies routes on it. */
const webhookTenant = z.object({ id: z.uuid(), code: z.string() });

function envelopeOf<const Type extends string, Data extends z.ZodType>(type: Type, data: Data) {
  return z.object({
    /** The event's id, also in the `Ciao-Webhook-Id` header: the same on every retry and redelivery. */
    id: z.uuid(),
    type: z.literal(type),
    createdAt: isoInstant,
    tenant: webhookTenant,
    data,
  });
}

/**
 * An agent clocked (arrive, pause, resume, leave): the registration as `GET /api/v1/registrations`
 * gives it.
 */
export const registrationCreatedEvent = envelopeOf('registration.created', publicRegistration);

/** The declaration of a registration to ONSS reached a new status (registered, validated, refused…). */
export const onssStatusChangedEvent = envelopeOf('onss.status_changed', publicOnssStatus);

/** A compliance anomaly was opened. */
export const anomalyOpenedEvent = envelopeOf('anomaly.opened', publicAnomaly);

/** An anomaly was resolved, by a person or because its cause disappeared. */
export const anomalyResolvedEvent = envelopeOf('anomaly.resolved', publicAnomaly);

/** An agent was created or changed. The NISS is never sent, only `hasNiss`. */
export const agentUpdatedEvent = envelopeOf('agent.updated', publicAgent);

/** What "send a test event" sends. */
export const webhookTestEvent = envelopeOf(
  WEBHOOK_TEST_EVENT,
  z.object({ subscriptionId: z.uuid(), message: z.string() }),
);

/**
 * Any event ciao sends: switch on `type`, and ignore types you do not know (new ones may come).
 *
 * @example
 * webhookEvent.parse(JSON.parse(body)).type;
 */
export const webhookEvent = z.discriminatedUnion('type', [
  registrationCreatedEvent,
  onssStatusChangedEvent,
  anomalyOpenedEvent,
  anomalyResolvedEvent,
  agentUpdatedEvent,
  webhookTestEvent,
]);

export type WebhookEvent = z.infer<typeof webhookEvent>;
