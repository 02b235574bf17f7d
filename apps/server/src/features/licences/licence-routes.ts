import {
  createdLicence,
  createLicenceRequest,
  deviceListQuery,
  devicePage,
  deviceSummary,
  licenceListQuery,
  licencePage,
  revokedLicence,
  revokeLicenceRequest,
} from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/authenticate.js';
import { callerOf } from '../../http/caller.js';
import { createLicence } from './create-licence.js';
import { presentDevice, presentLicence } from './licence-presenter.js';
import { listLicences } from './licence-repository.js';
import { listDevices } from './list-devices.js';
import { revokeDevice } from './revoke-device.js';
import { revokeLicence } from './revoke-licence.js';

const tags = ['licences'];
const read = { access: { capability: 'licences.read' } } as const;
const write = { access: { capability: 'licences.write' } } as const;

/** The back-office side of the agent app's licences: codes and the devices they activated. */
export const licenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/licences',
    {
      schema: {
        tags,
        summary:
          "The company's licence codes (never the codes themselves: only their last characters); search, status filter, sort",
        querystring: licenceListQuery,
        response: { 200: licencePage },
      },
      config: read,
    },
    async (request) => {
      const user = requireUser(request);
      const { page, pageSize } = request.query;
      const now = app.ctx.now();
      const found = await listLicences(app.ctx.db, user.tenantId, request.query, now);
      return {
        items: found.items.map((row) => presentLicence(row, now)),
        total: found.total,
        page,
        pageSize,
      };
    },
  );

  app.post(
    '/api/licences',
    {
      schema: {
        tags,
        summary: 'Creates a licence code for the agent app; the answer shows the code, once',
        body: createLicenceRequest,
        response: { 201: createdLicence },
      },
      config: write,
    },
    async (request, reply) => {
      const created = await createLicence(app.ctx, { ...request.body, ...callerOf(request) });
      return reply
        .status(201)
        .send({ code: created.code, licence: presentLicence(created.licence, app.ctx.now()) });
    },
  );

  app.post(
    '/api/licences/:licenceId/revoke',
    {
      schema: {
        tags,
        summary: 'Revokes a licence code (and, by default, the devices it activated)',
        params: z.object({ licenceId: z.uuid() }),
        body: revokeLicenceRequest,
        response: { 200: revokedLicence },
      },
      config: write,
    },
    async (request) => {
      const result = await revokeLicence(app.ctx, {
        ...callerOf(request),
        licenceId: request.params.licenceId,
        revokeDevices: request.body.revokeDevices,
      });
      return {
        licence: presentLicence(result.licence, app.ctx.now()),
        revokedDevices: result.revokedDevices,
      };
    },
  );

  app.get(
    '/api/devices',
    {
      schema: {
        tags,
        summary:
          'The devices activated with the company’s licences (optionally of one licence); search on agents and app version, filters, sort',
        querystring: deviceListQuery,
        response: { 200: devicePage },
      },
      config: read,
    },
    async (request) => {
      const user = requireUser(request);
      const { page, pageSize } = request.query;
      const found = await listDevices(app.ctx.db, user.tenantId, request.query);
      return { items: found.items.map(presentDevice), total: found.total, page, pageSize };
    },
  );

  app.post(
    '/api/devices/:deviceId/revoke',
    {
      schema: {
        tags,
        summary: 'Revokes one device and signs out every agent on it',
        params: z.object({ deviceId: z.uuid() }),
        response: { 200: deviceSummary },
      },
      config: write,
    },
    async (request) => {
      const device = await revokeDevice(app.ctx, { ...callerOf(request), deviceId: request.params.deviceId });
      return presentDevice(device);
    },
  );
};
