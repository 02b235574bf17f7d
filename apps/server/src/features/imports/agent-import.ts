import {
  can,
  canWriteAgentOfType,
  createAgentRequest,
  parseEnterpriseNumber,
  type CreateAgentRequest,
} from '@ciao/domain';
import { checkAgentFields } from '../agents/agent-validation.js';
import { insertAgentsWithUsers } from '../agents/create-agent.js';
import { booleanCell, dateCell, textCell } from './import-cells.js';
import { agentsHolding, companySubcontractors } from './import-repository.js';
import { FileKeys, LineReader, type ImportHandler, type ImportRow } from './import-rows.js';

interface CheckedAgent {
  input: CreateAgentRequest;
  niss: string | null;
  mobileIdentifier: string;
}

const textColumns = [
  'identifier',
  'firstName',
  'lastName',
  'niss',
  'limosaId',
  'agentType',
  'employmentStatus',
  'payrollNumber',
  'language',
  'email',
  'phone',
  'mobileIdentifier',
] as const;

/** The column an API path came from: the employer column gives the subcontractor. */
const agentField = (path: string) => (path === 'subcontractorId' ? 'employer' : path);

/**
 * Agents: each line is what `POST /api/agents` would accept from this caller (same schema, same
 * ADM/GST and credential rules, same NISS check), and identifier, mobile identifier and NISS must be
 * free in the company and unique in the file. `employer` is empty for the company's own workers,
 * or a subcontractor's name or enterprise number. No password column: passwords are set one by one.
 */
export const agentImport: ImportHandler<CheckedAgent> = {
  async check(db, caller, rows, now) {
    const employers = await companySubcontractors(db, caller.tenantId);
    const identifiers = new FileKeys();
    const mobileIdentifiers = new FileKeys();
    const nisses = new FileKeys();
    const lines: { reader: LineReader; checked?: CheckedAgent }[] = [];

    for (const row of rows) {
      const reader = new LineReader(row, agentField);
      for (const column of textColumns) reader.read(column, textCell);
      reader.read('activeFrom', dateCell);
      reader.read('activeUntil', dateCell);
      reader.read('mobileAccess', booleanCell);
      reader.read('active', booleanCell);
      const subcontractorId = employerOf(reader, row, employers);
      if (subcontractorId !== undefined) reader.values.subcontractorId = subcontractorId;
      const input = reader.parse(createAgentRequest);
      // The NISS and date checks run even when the schema refused the line, so that every problem
      // of the line shows at once. The subcontractor was found among the company's own above.
      const fields = await reader.check(() =>
        checkAgentFields(db, caller.tenantId, now, {
          niss: input ? input.niss : (reader.values.niss as string | undefined),
          activeFrom: input ? input.activeFrom : (reader.values.activeFrom as string | undefined),
          activeUntil: input ? input.activeUntil : (reader.values.activeUntil as string | undefined),
        }),
      );
      const line: { reader: LineReader; checked?: CheckedAgent } = { reader };
      lines.push(line);
      if (!input) continue;

      if (!canWriteAgentOfType(caller.role, input.agentType))
        reader.add(
          'agentType',
          'RESTRICTED_AGENT_TYPE',
          `only an administrator may create ${input.agentType} agents`,
        );
      if (input.mobileIdentifier !== undefined && !can(caller.role, 'agentCredentials.write'))
        reader.add('mobileIdentifier', 'FORBIDDEN', 'your role may not set agents’ app credentials');
      const niss = fields?.niss ?? null;
      const mobileIdentifier = (input.mobileIdentifier ?? input.identifier).toUpperCase();
      // Without its own mobile identifier an agent's app identifier is its identifier: one clash, said once.
      const identifierEarlier = identifiers.seen(input.identifier.toUpperCase(), row.line);
      sameAsEarlier(reader, 'identifier', identifierEarlier);
      const mobileEarlier = mobileIdentifiers.seen(mobileIdentifier, row.line);
      if (input.mobileIdentifier || identifierEarlier === undefined)
        sameAsEarlier(reader, mobileColumn(input), mobileEarlier, 'app identifier');
      if (niss) sameAsEarlier(reader, 'niss', nisses.seen(niss, row.line));
      if (fields) line.checked = { input, niss, mobileIdentifier };
    }

    const candidates = lines.flatMap((line) => (line.checked ? [line.checked] : []));
    const taken = await agentsHolding(db, caller.tenantId, {
      identifiers: candidates.map((agent) => agent.input.identifier.toUpperCase()),
      mobileIdentifiers: candidates.map((agent) => agent.mobileIdentifier),
      nisses: candidates.flatMap((agent) => (agent.niss ? [agent.niss] : [])),
    });
    const takenIdentifiers = new Set(taken.map((agent) => agent.identifier.toUpperCase()));
    const takenMobile = new Set(
      taken.flatMap((agent) => (agent.mobileIdentifier ? [agent.mobileIdentifier.toUpperCase()] : [])),
    );
    const takenNiss = new Set(taken.flatMap((agent) => (agent.niss ? [agent.niss] : [])));
    for (const { reader, checked } of lines) {
      if (!checked) continue;
      const identifierTaken = takenIdentifiers.has(checked.input.identifier.toUpperCase());
      if (identifierTaken)
        reader.add('identifier', 'DUPLICATE_IDENTIFIER', 'is already used by another agent');
      if (takenMobile.has(checked.mobileIdentifier) && (checked.input.mobileIdentifier || !identifierTaken))
        reader.add(
          mobileColumn(checked.input),
          'DUPLICATE_IDENTIFIER',
          'is already the app identifier of another agent',
        );
      if (checked.niss && takenNiss.has(checked.niss))
        reader.add('niss', 'DUPLICATE_NISS', 'is already the NISS of another agent');
    }
    return {
      problems: lines.flatMap(({ reader }) => reader.problems),
      checked: lines.flatMap(({ reader, checked }) =>
        checked && reader.problems.length === 0 ? [checked] : [],
      ),
    };
  },

  async write(tx, caller, checked, now) {
    const created = await insertAgentsWithUsers(
      tx,
      caller,
      checked.map((agent) => ({ ...agent, mobilePasswordHash: null })),
      now,
    );
    return created.length;
  },
};

const mobileColumn = (input: CreateAgentRequest) =>
  input.mobileIdentifier ? 'mobileIdentifier' : 'identifier';

function sameAsEarlier(reader: LineReader, field: string, earlier: number | undefined, what = field) {
  if (earlier !== undefined)
    reader.add(field, 'DUPLICATE_IN_FILE', `the same ${what} is already on line ${earlier} of the file`);
}

/** The subcontractor named in the employer cell: null for the company's own, undefined when unknown. */
function employerOf(
  reader: LineReader,
  row: ImportRow,
  employers: Awaited<ReturnType<typeof companySubcontractors>>,
): string | null | undefined {
  const named = (row.cells.employer ?? '').trim();
  if (named === '') return null;
  const number = parseEnterpriseNumber(named);
  const found = employers.filter((employer) =>
    number.ok
      ? employer.enterpriseNumber === number.value
      : employer.name.toLowerCase() === named.toLowerCase(),
  );
  if (found.length === 1) return found[0]!.id;
  reader.add(
    'employer',
    found.length === 0 ? 'SUBCONTRACTOR_NOT_FOUND' : 'SUBCONTRACTOR_AMBIGUOUS',
    found.length === 0
      ? 'is not one of your subcontractors (give its name or enterprise number, or leave empty for your own workers)'
      : 'names several of your subcontractors: give its enterprise number',
  );
  return undefined;
}
