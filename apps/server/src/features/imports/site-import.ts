import { createSiteRequest, defaultCompanySettings, type CreateSiteRequest } from '@ciao/domain';
import { findCompany } from '../company/company-repository.js';
import { insertSitesWithAudit, type CheckedSiteCreation } from '../sites/create-site.js';
import { checkSiteFields } from '../sites/site-validation.js';
import { booleanCell, numberCell, textCell } from './import-cells.js';
import { companyClients, sitesNamed } from './import-repository.js';
import { FileKeys, LineReader, type ImportHandler, type ImportRow } from './import-rows.js';

type CheckedSite = CheckedSiteCreation;

const siteFields = createSiteRequest.omit({ clientId: true });
const textColumns = ['name', 'workDeclarationNumber', 'costCentre'];
const addressColumns = ['street', 'houseNumber', 'boxNumber', 'postCode', 'municipality', 'country'];

/** The column an API path came from: the client column gives the client id, the address its columns. */
const siteField = (path: string) => (path === 'clientId' ? 'client' : path.replace(/^address\./, ''));

/**
 * Sites: each line is what `POST /api/sites` would accept (same schema, coordinates in pairs, work
 * declaration number parsed, the company's default radius). `client` is the reference or the name
 * of one of the company's clients; a client cannot have two sites of the same name.
 */
export const siteImport: ImportHandler<CheckedSite> = {
  async check(db, caller, rows) {
    const company = await findCompany(db, caller.tenantId);
    const defaultRadius =
      company?.settings.defaultGeofenceRadiusMeters ?? defaultCompanySettings.defaultGeofenceRadiusMeters;
    const knownClients = await companyClients(db, caller.tenantId);
    const names = new FileKeys();
    const lines: { reader: LineReader; checked?: CheckedSite }[] = [];
    for (const row of rows) {
      const reader = new LineReader(row, siteField);
      for (const column of textColumns) reader.read(column, textCell);
      for (const column of addressColumns) reader.read(column, textCell, `address.${column}`);
      reader.read('latitude', numberCell);
      reader.read('longitude', numberCell);
      reader.read('geofenceRadiusMeters', numberCell);
      reader.read('subjectToOnss', booleanCell);
      reader.read('active', booleanCell);
      const clientId = clientOf(reader, row, knownClients);
      const line: { reader: LineReader; checked?: CheckedSite } = { reader };
      lines.push(line);
      // The client is checked above, with its own reason: the rest of the line is checked anyway.
      const fields = reader.parse(siteFields);
      const coordinates = {
        latitude: (fields ? fields.latitude : (reader.values.latitude as number | undefined)) ?? null,
        longitude: (fields ? fields.longitude : (reader.values.longitude as number | undefined)) ?? null,
      };
      const workDeclarationNumber = fields
        ? fields.workDeclarationNumber
        : (reader.values.workDeclarationNumber as string | undefined);
      // Checked even when the schema refused the line, so that every problem shows at once. The
      // client was found among the company's own above: the number and the coordinates remain.
      const parsed = await reader.check(() =>
        checkSiteFields(db, caller.tenantId, { workDeclarationNumber }, coordinates),
      );
      if (!fields || !clientId) continue;
      const input: CreateSiteRequest = { ...fields, clientId };
      const earlier = names.seen(`${input.clientId} ${input.name.toLowerCase()}`, row.line);
      if (earlier !== undefined)
        reader.add(
          'name',
          'DUPLICATE_IN_FILE',
          `the same client and site name are already on line ${earlier}`,
        );
      if (parsed)
        line.checked = {
          input,
          checked: {
            ...coordinates,
            geofenceRadiusMeters: input.geofenceRadiusMeters ?? defaultRadius,
            workDeclarationNumber: parsed.workDeclarationNumber ?? null,
          },
        };
    }

    const existing = await sitesNamed(
      db,
      caller.tenantId,
      lines.flatMap((line) => (line.checked ? [line.checked.input.name.toLowerCase()] : [])),
    );
    const taken = new Set(existing.map((site) => `${site.clientId} ${site.name.toLowerCase()}`));
    for (const { reader, checked } of lines) {
      if (checked && taken.has(`${checked.input.clientId} ${checked.input.name.toLowerCase()}`))
        reader.add('name', 'DUPLICATE_NAME', 'this client already has a site of that name');
    }
    return {
      problems: lines.flatMap(({ reader }) => reader.problems),
      checked: lines.flatMap(({ reader, checked }) =>
        checked && reader.problems.length === 0 ? [checked] : [],
      ),
    };
  },

  async write(tx, caller, checked, now) {
    return (await insertSitesWithAudit(tx, caller, checked, now)).length;
  },
};

/** The client a site line names: by reference first (what it is for), then by name. */
function clientOf(
  reader: LineReader,
  row: ImportRow,
  known: Awaited<ReturnType<typeof companyClients>>,
): string | undefined {
  const named = (row.cells.client ?? '').trim().toLowerCase();
  if (named === '') {
    reader.add('client', 'REQUIRED', 'is required: the reference or the name of one of your clients');
    return undefined;
  }
  const byReference = known.filter((client) => client.reference?.toLowerCase() === named);
  const found =
    byReference.length > 0 ? byReference : known.filter((client) => client.name.toLowerCase() === named);
  if (found.length === 1) return found[0]!.id;
  reader.add(
    'client',
    found.length === 0 ? 'CLIENT_NOT_FOUND' : 'CLIENT_AMBIGUOUS',
    found.length === 0
      ? 'is neither the reference nor the name of one of your clients (import clients first)'
      : 'names several of your clients: give the client’s reference',
  );
  return undefined;
}
