import {
  invitationView,
  createUserRequest,
  setUserPasswordRequest,
  updateUserRequest,
  userListQuery,
  userPage,
  userView,
} from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../http/caller.js';
import { createUser } from './create-user.js';
import { linkBaseOf } from '../password-links/password-link-routes.js';
import { getUser } from './get-user.js';
import { inviteUser } from './invite-user.js';
import { listUsers } from './list-users.js';
import { resetUserSecondFactor } from './reset-user-second-factor.js';
import { setUserPassword } from './set-user-password.js';
import { updateUser } from './update-user.js';
import { presentUser } from './user-presenter.js';

const tags = ['users'];
const params = z.object({ userId: z.uuid() });
const read = { access: { capability: 'users.read' } } as const;
const write = { access: { capability: 'users.write' } } as const;

/** Back-office users (administrators only): list, create, edit, set a password, reset 2FA. */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Lists the company’s web users (search, filters, sort, pages)',
        querystring: userListQuery,
        response: { 200: userPage },
      },
      config: read,
    },
    async (request) => {
      const { rows, total } = await listUsers(app.ctx, callerOf(request), request.query);
      const { page, pageSize } = request.query;
      return { items: rows.map(presentUser), total, page, pageSize };
    },
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Creates a web user with a first password',
        description: 'The login is unique in the company whatever its case (DUPLICATE_LOGIN).',
        body: createUserRequest,
        response: { 201: userView },
      },
      config: write,
    },
    async (request, reply) => {
      const created = await createUser(app.ctx, callerOf(request), request.body);
      return reply.status(201).send(presentUser(created));
    },
  );

  app.get(
    '/api/users/:userId',
    {
      schema: { tags, summary: 'One web user', params, response: { 200: userView } },
      config: read,
    },
    async (request) => presentUser(await getUser(app.ctx, callerOf(request), request.params.userId)),
  );

  app.patch(
    '/api/users/:userId',
    {
      schema: {
        tags,
        summary: 'Changes a web user’s name, e-mail, language, role or active flag',
        description:
          'Deactivating a user signs them out everywhere. Nobody can take away their own ADMIN role ' +
          'or deactivate themselves (CANNOT_CHANGE_OWN_ACCESS).',
        params,
        body: updateUserRequest,
        response: { 200: userView },
      },
      config: write,
    },
    async (request) =>
      presentUser(await updateUser(app.ctx, callerOf(request), request.params.userId, request.body)),
  );

  app.post(
    '/api/users/:userId/password',
    {
      schema: {
        tags,
        summary: 'Sets a new password for a user (signs them out everywhere)',
        description:
          'Passwords can only be set, never read. Your own password is changed at /api/auth/password.',
        params,
        body: setUserPasswordRequest,
        response: { 204: z.null() },
      },
      config: write,
    },
    async (request, reply) => {
      await setUserPassword(app.ctx, callerOf(request), request.params.userId, request.body.password);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/users/:userId/second-factor/reset',
    {
      schema: {
        tags,
        summary: 'Turns a user’s two-factor sign-in off (lost phone); signs them out everywhere',
        params,
        response: { 204: z.null() },
      },
      config: write,
    },
    async (request, reply) => {
      await resetUserSecondFactor(app.ctx, callerOf(request), request.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/users/:userId/invitation',
    {
      schema: {
        tags,
        summary: 'E-mails the user a link (valid 7 days, single use) to choose their password',
        description:
          'Sending again replaces the previous link. The user needs an e-mail address (USER_HAS_NO_EMAIL).',
        params,
        response: { 201: invitationView },
      },
      config: write,
    },
    async (request, reply) => {
      const sent = await inviteUser(app.ctx, callerOf(request), request.params.userId, linkBaseOf(request));
      return reply.status(201).send(sent);
    },
  );
};
