import { myNotifications, updateNotificationSubscriptionsBody } from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerOf } from '../../http/caller.js';
import { getMyNotifications } from './get-my-notifications.js';
import { updateMyNotifications } from './update-my-notifications.js';

const tags = ['notifications'];
const signedIn = { access: 'signedIn' } as const;

/** The signed-in user's own e-mail notification subscriptions. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/me/notifications',
    {
      schema: {
        tags,
        summary: "The notification types the caller's role is offered and the caller's subscriptions",
        response: { 200: myNotifications },
      },
      config: signedIn,
    },
    async (request) => getMyNotifications(app.ctx, callerOf(request)),
  );

  app.put(
    '/api/me/notifications',
    {
      schema: {
        tags,
        summary:
          "Replaces the caller's subscriptions (one scope per type: the company, a site or a client); a type the role may not read is refused",
        body: updateNotificationSubscriptionsBody,
        response: { 200: myNotifications },
      },
      config: signedIn,
    },
    async (request) => {
      const caller = callerOf(request);
      await updateMyNotifications(app.ctx, caller, request.body.subscriptions);
      return getMyNotifications(app.ctx, caller);
    },
  );
};
