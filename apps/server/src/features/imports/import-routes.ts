import {
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  importJsonBody,
  importQuery,
  importReport,
  type Capability,
  type ImportKind,
} from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../http/caller.js';
import { importTemplate } from './import-template.js';
import { runImport } from './run-import.js';

const tags = ['imports'];

/** Importing is creating: the same right as creating one object of that kind. */
const capabilityOf: Record<ImportKind, Capability> = {
  agents: 'agents.write',
  clients: 'clients.write',
  sites: 'sites.write',
};

const description =
  `The body is the CSV file as it is (Content-Type text/csv or text/plain), or JSON { "csv": "…" }; ` +
  `UTF-8 (a byte-order mark is fine), ; or , as delimiter (read from the header), quoted cells, CRLF or LF. ` +
  `At most ${IMPORT_MAX_ROWS} lines (IMPORT_TOO_MANY_ROWS, 422) and ${IMPORT_MAX_BYTES / 1024 / 1024} MiB ` +
  `(BODY_TOO_LARGE, 413); a malformed file (a quote never closed) is CSV_MALFORMED (400). ` +
  `mode=dry-run (default) checks every line and writes nothing (200, problems listed); mode=apply checks ` +
  `again and creates every line in one transaction, or nothing: IMPORT_INVALID (422) with the same report.`;

/** CSV bulk onboarding of agents, clients and sites (see docs/imports.md). */
export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  // Only these routes read CSV bodies: the parser is scoped to this plugin.
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );

  for (const kind of ['agents', 'clients', 'sites'] as const) {
    const capability = capabilityOf[kind];
    app.post(
      `/api/imports/${kind}`,
      {
        bodyLimit: IMPORT_MAX_BYTES,
        schema: {
          tags,
          summary: `Checks (dry run) or imports a CSV file of ${kind}`,
          description: `Needs ${capability}. ${description}`,
          querystring: importQuery,
          body: z.union([z.string(), importJsonBody]),
          response: { 200: importReport },
        },
        config: { access: { capability } },
      },
      async (request) => {
        const text = typeof request.body === 'string' ? request.body : request.body.csv;
        return runImport(app.ctx, callerOf(request), kind, request.query.mode, text);
      },
    );

    app.get(
      `/api/imports/${kind}/template.csv`,
      {
        schema: {
          tags,
          summary: `The CSV template of the ${kind} import: the header and one example line`,
          description: `Needs ${capability}. ;-separated, CRLF, UTF-8 with a byte-order mark (what Excel opens as it is).`,
        },
        config: { access: { capability } },
      },
      async (_request, reply) =>
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="ciao-${kind}-template.csv"`)
          .send(importTemplate(kind)),
    );
  }
};
