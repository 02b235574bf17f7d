import { createClientRequest } from '@ciao/domain';
import { checkClientIdentifiers } from '../clients/client-validation.js';
import { insertClientsWithAudit, type CheckedClientCreation } from '../clients/create-client.js';
import { booleanCell, textCell } from './import-cells.js';
import { clientsNamedOrReferenced } from './import-repository.js';
import { FileKeys, LineReader, type ImportHandler } from './import-rows.js';

type CheckedClient = CheckedClientCreation;

const textColumns = [
  'name',
  'reference',
  'enterpriseNumber',
  'vatNumber',
  'contactName',
  'contactEmail',
  'contactPhone',
];
const addressColumns = ['street', 'houseNumber', 'boxNumber', 'postCode', 'municipality', 'country'];

/** The column an API path came from: the address is spread over its own columns. */
const clientField = (path: string) => path.replace(/^address\./, '');

/**
 * Clients: each line is what `POST /api/clients` would accept (same schema, same enterprise and VAT
 * number checks). Sites name their client by reference or name, so both must be unique in the
 * company and in the file (the API allows two clients of the same name; a file would then be
 * ambiguous, and a file imported twice would duplicate every client).
 */
export const clientImport: ImportHandler<CheckedClient> = {
  async check(db, caller, rows) {
    const names = new FileKeys();
    const references = new FileKeys();
    const lines: { reader: LineReader; checked?: CheckedClient }[] = [];
    for (const row of rows) {
      const reader = new LineReader(row, clientField);
      for (const column of textColumns) reader.read(column, textCell);
      for (const column of addressColumns) reader.read(column, textCell, `address.${column}`);
      reader.read('active', booleanCell);
      const line: { reader: LineReader; checked?: CheckedClient } = { reader };
      lines.push(line);
      const input = reader.parse(createClientRequest);
      // Checked even when the schema refused the line, so that every problem shows at once.
      const identifiers = await reader.check(() =>
        checkClientIdentifiers({
          enterpriseNumber: input
            ? input.enterpriseNumber
            : (reader.values.enterpriseNumber as string | undefined),
          vatNumber: input ? input.vatNumber : (reader.values.vatNumber as string | undefined),
        }),
      );
      if (!input) continue;
      const earlierName = names.seen(input.name.toLowerCase(), row.line);
      if (earlierName !== undefined)
        reader.add(
          'name',
          'DUPLICATE_IN_FILE',
          `the same name is already on line ${earlierName} of the file`,
        );
      const earlierReference = input.reference
        ? references.seen(input.reference.toLowerCase(), row.line)
        : undefined;
      if (earlierReference !== undefined)
        reader.add(
          'reference',
          'DUPLICATE_IN_FILE',
          `the same reference is already on line ${earlierReference} of the file`,
        );
      if (identifiers) line.checked = { input, identifiers };
    }

    const checkedLines = lines.filter((line) => line.checked);
    const lowerNames = checkedLines.map((line) => line.checked!.input.name.toLowerCase());
    const lowerReferences = checkedLines.flatMap((line) =>
      line.checked!.input.reference ? [line.checked!.input.reference.toLowerCase()] : [],
    );
    const existing = await clientsNamedOrReferenced(db, caller.tenantId, lowerNames, lowerReferences);
    const takenNames = new Set(existing.map((client) => client.name.toLowerCase()));
    const takenReferences = new Set(
      existing.flatMap((client) => (client.reference ? [client.reference.toLowerCase()] : [])),
    );
    for (const { reader, checked } of checkedLines) {
      if (!checked) continue;
      if (takenNames.has(checked.input.name.toLowerCase()))
        reader.add('name', 'DUPLICATE_NAME', 'is already the name of one of your clients');
      if (checked.input.reference && takenReferences.has(checked.input.reference.toLowerCase()))
        reader.add('reference', 'DUPLICATE_REFERENCE', 'is already the reference of one of your clients');
    }
    return {
      problems: lines.flatMap(({ reader }) => reader.problems),
      checked: lines.flatMap(({ reader, checked }) =>
        checked && reader.problems.length === 0 ? [checked] : [],
      ),
    };
  },

  async write(tx, caller, checked, now) {
    return (await insertClientsWithAudit(tx, caller, checked, now)).length;
  },
};
