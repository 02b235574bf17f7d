#!/usr/bin/env node
// The operator's command line: companies (tenants), licence codes and first administrators, on the
// same configuration and database as the server (`npm run ciao -- <command>`).
import os from 'node:os';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DomainError } from '@ciao/domain';
import { BackupFormatError } from './backup/backup-archive.js';
import { BackupRefusedError } from './backup/backup-errors.js';
import { createBackup } from './backup/create-backup.js';
import { restoreBackup } from './backup/restore-backup.js';
import { ConfigError, loadConfig, type ServerConfig } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { migrateDatabase } from './db/migrate.js';
import { createTenant } from './features/platform/create-tenant.js';
import { inviteFirstAdmin } from './features/platform/invite-first-admin.js';
import { issueLicence } from './features/platform/issue-licence.js';
import { answerLicenceRequest } from './features/platform/answer-licence-request.js';
import { listLicenceRequests } from './features/platform/list-licence-requests.js';
import { listTenants } from './features/platform/list-tenants.js';
import { reissueLicence } from './features/platform/reissue-licence.js';
import { createOperator } from './features/operators/create-operator.js';
import { resetOperator } from './features/operators/reset-operator.js';
import type { PlatformContext } from './features/platform/platform-context.js';
import { presentPlatformLicenceRequest } from './features/licence-requests/licence-request-presenter.js';
import { reactivateTenant } from './features/platform/reactivate-tenant.js';
import { suspendTenant } from './features/platform/suspend-tenant.js';
import { retentionCategories } from './features/retention/run-retention.js';
import { runRetentionOnce } from './jobs/retention-job.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | undefined>;

interface Command {
  summary: string;
  usage: string;
  options: Options;
  required: string[];
  /** The option a single positional argument stands for (`operator:create ops@example.be`). */
  positional?: string;
  run?(ctx: PlatformContext, values: Values, config: ServerConfig, database: Database): Promise<void>;
  /** Instead of `run`: commands that open the database themselves (backups), unmigrated. */
  runOnConfig?(values: Values, config: ServerConfig): Promise<void>;
}

/** A mistake of the person typing the command: shown without a stack, exit code 2. */
class UsageError extends Error {}

const text = (values: Values, key: string) => values[key] as string | undefined;
const need = (values: Values, key: string) => values[key] as string;

const commands: Record<string, Command> = {
  'tenant:create': {
    summary: 'Creates a company (tenant)',
    usage:
      'tenant:create --code CODE --name NAME [--enterprise-number 0203.201.340] [--language fr|nl|en|de]',
    options: {
      code: { type: 'string' },
      name: { type: 'string' },
      'enterprise-number': { type: 'string' },
      language: { type: 'string' },
    },
    required: ['code', 'name'],
    async run(ctx, values) {
      const tenant = await createTenant(ctx, {
        code: need(values, 'code'),
        name: need(values, 'name'),
        enterpriseNumber: text(values, 'enterprise-number'),
        language: text(values, 'language'),
      });
      console.log(`Company ${tenant.code} (${tenant.name}) created.`);
      console.log(`Next: npm run ciao -- licence:issue --tenant ${tenant.code} --max-devices 10`);
      console.log(
        `      npm run ciao -- admin:invite --tenant ${tenant.code} --login admin --name "…" --email …`,
      );
    },
  },
  'tenant:list': {
    summary: 'Lists the companies with their usage this month',
    usage: 'tenant:list [--json]',
    options: { json: { type: 'boolean' } },
    required: [],
    async run(ctx, values) {
      const rows = await listTenants(ctx);
      if (values.json) {
        console.log(JSON.stringify(rows, null, 2));
        return;
      }
      if (rows.length === 0) {
        console.log('No company yet: create one with tenant:create.');
        return;
      }
      const table = rows.map((row) => ({
        code: row.code,
        name: row.name,
        status: row.status,
        agents: String(row.activeAgents),
        devices: String(row.activeDevices),
        'registrations (month)': String(row.registrationsThisMonth),
        'ONSS errors': row.onssErrorRate === null ? '—' : `${(row.onssErrorRate * 100).toFixed(1)} %`,
      }));
      const headers = Object.keys(table[0]!) as (keyof (typeof table)[number])[];
      const widths = headers.map((header) =>
        Math.max(header.length, ...table.map((row) => row[header].length)),
      );
      const line = (cells: string[]) =>
        cells
          .map((cell, index) => cell.padEnd(widths[index]!))
          .join('  ')
          .trimEnd();
      console.log(line(headers));
      for (const row of table) console.log(line(headers.map((header) => row[header])));
    },
  },
  'tenant:suspend': {
    summary: 'Suspends a company: its users and devices are refused, its data kept',
    usage: 'tenant:suspend --code CODE',
    options: { code: { type: 'string' } },
    required: ['code'],
    async run(ctx, values) {
      const tenant = await suspendTenant(ctx, need(values, 'code'));
      console.log(
        `Company ${tenant.code} suspended. Its data is kept; reactivate it with tenant:reactivate.`,
      );
    },
  },
  'tenant:reactivate': {
    summary: 'Reactivates a suspended company',
    usage: 'tenant:reactivate --code CODE',
    options: { code: { type: 'string' } },
    required: ['code'],
    async run(ctx, values) {
      const tenant = await reactivateTenant(ctx, need(values, 'code'));
      console.log(`Company ${tenant.code} reactivated.`);
    },
  },
  'licence:issue': {
    summary: 'Issues a licence code for the agent app (shown once)',
    usage: 'licence:issue --tenant CODE --max-devices N [--expires YYYY-MM-DD] [--label TEXT]',
    options: {
      tenant: { type: 'string' },
      'max-devices': { type: 'string' },
      expires: { type: 'string' },
      label: { type: 'string' },
    },
    required: ['tenant', 'max-devices'],
    async run(ctx, values) {
      const maxDevices = need(values, 'max-devices');
      if (!/^\d+$/.test(maxDevices)) throw new UsageError('--max-devices must be a whole number, e.g. 10.');
      const { code, licence, tenant } = await issueLicence(ctx, {
        tenantCode: need(values, 'tenant'),
        maxDevices: Number(maxDevices),
        expires: text(values, 'expires'),
        label: text(values, 'label'),
      });
      const until = licence.expiresAt ? `, until ${licence.expiresAt.toISOString()}` : '';
      console.log(`Licence for ${tenant.code}: up to ${licence.maxDevices} devices${until}.`);
      console.log(`Code (shown only now, keep it safe): ${code}`);
    },
  },
  'licence:reissue': {
    summary: 'Gives a licence a new code (shown once); the old code activates no new device',
    usage: 'licence:reissue --tenant CODE --licence ID|LAST-4-CHARACTERS [--revoke-devices]',
    options: {
      tenant: { type: 'string' },
      licence: { type: 'string' },
      'revoke-devices': { type: 'boolean' },
    },
    required: ['tenant', 'licence'],
    async run(ctx, values) {
      const result = await reissueLicence(ctx, {
        tenantCode: need(values, 'tenant'),
        licence: need(values, 'licence'),
        revokeDevices: values['revoke-devices'] === true,
      });
      console.log(`Licence ${result.licence.licence.id} of ${result.tenant.code} re-issued.`);
      console.log(
        result.revokedDevices > 0
          ? `${result.revokedDevices} device(s) revoked: they must be activated again with the new code.`
          : `The ${result.licence.activeDevices} device(s) already activated keep working.`,
      );
      console.log(`New code (shown only now, keep it safe): ${result.code}`);
    },
  },
  'licence:requests': {
    summary: "Lists the companies' requests for a licence code (open ones first)",
    usage: 'licence:requests [--status open|answered|refused] [--json]',
    options: { status: { type: 'string' }, json: { type: 'boolean' } },
    required: [],
    async run(ctx, values) {
      const status = text(values, 'status');
      if (status !== undefined && !['open', 'answered', 'refused'].includes(status)) {
        throw new UsageError('--status must be open, answered or refused.');
      }
      const rows = await listLicenceRequests(ctx, status as 'open' | 'answered' | 'refused' | undefined);
      if (values.json) {
        console.log(JSON.stringify(rows.map(presentPlatformLicenceRequest), null, 2));
        return;
      }
      if (rows.length === 0) {
        console.log('No licence request.');
        return;
      }
      for (const { request, tenant, requestedBy } of rows) {
        console.log(
          `${request.id}  ${tenant.code}  ${request.status}  ${request.requestedMaxDevices ?? '?'} devices  ` +
            `${request.createdAt.toISOString()}  by ${requestedBy?.displayName ?? '—'}`,
        );
        console.log(`    ${request.message ?? ''}`);
        if (request.answer) console.log(`    answer: ${request.answer}`);
      }
    },
  },
  'licence:answer': {
    summary: 'Answers a licence request: issues a code for it (shown once) or refuses it',
    usage:
      'licence:answer --request ID (--issue [--max-devices N] [--expires YYYY-MM-DD] [--note TEXT] | --refuse --reason TEXT)',
    options: {
      request: { type: 'string' },
      issue: { type: 'boolean' },
      refuse: { type: 'boolean' },
      'max-devices': { type: 'string' },
      expires: { type: 'string' },
      note: { type: 'string' },
      reason: { type: 'string' },
    },
    required: ['request'],
    async run(ctx, values, config) {
      if (values.issue === values.refuse) throw new UsageError('Give either --issue or --refuse.');
      const maxDevices = text(values, 'max-devices');
      if (maxDevices !== undefined && !/^\d+$/.test(maxDevices)) {
        throw new UsageError('--max-devices must be a whole number, e.g. 10.');
      }
      const reason = text(values, 'reason');
      if (values.refuse && !reason?.trim())
        throw new UsageError('--refuse needs --reason "…" (the company reads it).');
      const linkBase = config.publicUrl ?? `http://localhost:${config.port}`;
      const { request, code } = await answerLicenceRequest(ctx, {
        requestId: need(values, 'request'),
        linkBase,
        ...(values.issue
          ? {
              decision: 'issue' as const,
              maxDevices: maxDevices === undefined ? undefined : Number(maxDevices),
              expires: text(values, 'expires'),
              note: text(values, 'note'),
            }
          : { decision: 'refuse' as const, reason: reason ?? '' }),
      });
      console.log(
        `Request of ${request.tenant.code} ${request.request.status}; its administrators are e-mailed.`,
      );
      if (code) console.log(`Code (shown only now, keep it safe): ${code}`);
    },
  },
  'operator:create': {
    summary: 'Creates an operator of the web console and prints the one-time link to set the password',
    usage: 'operator:create EMAIL [--name NAME]',
    options: { email: { type: 'string' }, name: { type: 'string' } },
    required: ['email'],
    positional: 'email',
    async run(ctx, values, config) {
      const created = await createOperator(ctx, {
        email: need(values, 'email'),
        name: text(values, 'name'),
        linkBase: config.publicUrl ?? `http://localhost:${config.port}`,
      });
      console.log(`Operator ${created.operator.email} created.`);
      console.log(
        `Link to set the password (valid until ${created.expiresAt.toISOString()}, single use): ${created.url}`,
      );
      console.log(
        'The first sign-in at /platform sets up the authenticator app (two-factor sign-in is required).',
      );
      if (!config.publicUrl) console.log('Set PUBLIC_URL so that links point to the address people use.');
    },
  },
  'operator:reset': {
    summary: "Wipes an operator's password and authenticator and prints a new one-time link",
    usage: 'operator:reset EMAIL',
    options: { email: { type: 'string' } },
    required: ['email'],
    positional: 'email',
    async run(ctx, values, config) {
      const reset = await resetOperator(ctx, {
        email: need(values, 'email'),
        linkBase: config.publicUrl ?? `http://localhost:${config.port}`,
      });
      console.log(`Operator ${reset.operator.email} reset: signed out everywhere, authenticator removed.`);
      console.log(
        `Link to set the password (valid until ${reset.expiresAt.toISOString()}, single use): ${reset.url}`,
      );
    },
  },
  'retention:run': {
    summary: 'Runs the retention pass now (anonymise old positions, delete what is past its period)',
    usage: 'retention:run [--dry-run] [--json]',
    options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    required: [],
    async run(ctx, values, config, database) {
      const dryRun = values['dry-run'] === true;
      const outcome = await runRetentionOnce(
        { database, db: database.db, now: ctx.now, exportsDir: path.join(config.dataDir, 'exports') },
        config.retention.policy,
        dryRun,
      );
      if (!outcome.ran)
        throw new UsageError('Another process is running the retention pass: try again later.');
      const report = outcome.value;
      if (values.json) {
        console.log(JSON.stringify(report, null, 2));
        return;
      }
      const { cutoffs } = report;
      console.log(dryRun ? 'Dry run: nothing changed. Would remove:' : 'Retention pass done. Removed:');
      const width = Math.max(...retentionCategories.map((category) => category.length));
      for (const category of retentionCategories)
        console.log(`  ${category.padEnd(width)}  ${report.counts[category]}`);
      console.log(
        `Cut-offs (Brussels): positions before ${cutoffs.positions.date}, registrations before ` +
          `${cutoffs.registrations.date}, audit before ${cutoffs.audit.date}, deliveries before ` +
          `${cutoffs.deliveries.date}, notifications before ${cutoffs.notifications.date}, exports before ` +
          `${cutoffs.exportJobs.date}, expired access before ${cutoffs.expiredAccess.date}.`,
      );
      if (report.keptAwaitingOnss > 0)
        console.log(
          `${report.keptAwaitingOnss} work session(s) past the period kept: ONSS has not settled a registration of theirs.`,
        );
    },
  },
  'admin:invite': {
    summary: "Creates a company's administrator and e-mails the invitation link",
    usage: 'admin:invite --tenant CODE --login LOGIN --name NAME --email ADDRESS [--language fr|nl|en|de]',
    options: {
      tenant: { type: 'string' },
      login: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      language: { type: 'string' },
    },
    required: ['tenant', 'login', 'name', 'email'],
    async run(ctx, values, config) {
      const invited = await inviteFirstAdmin(ctx, {
        tenantCode: need(values, 'tenant'),
        login: need(values, 'login'),
        name: need(values, 'name'),
        email: need(values, 'email'),
        language: text(values, 'language'),
        linkBase: config.publicUrl ?? `http://localhost:${config.port}`,
      });
      console.log(`Administrator ${invited.login} of ${invited.tenant.code} created.`);
      console.log(
        config.mail.smtpUrl
          ? `The invitation is queued for ${invited.email}; the server sends it.`
          : `No SMTP_URL: the server writes the invitation to its log. Pass the link on yourself if needed.`,
      );
      console.log(`Link (valid until ${invited.expiresAt.toISOString()}, single use): ${invited.url}`);
      if (!config.publicUrl) console.log('Set PUBLIC_URL so that links point to the address people use.');
    },
  },
};

const printNotes = (notes: string[]) => {
  for (const note of notes) (note.startsWith('WARNING') ? console.error : console.log)(note);
};

const backupCommands: Record<string, Command> = {
  'backup:create': {
    summary: 'Backs up the database (PGlite or PostgreSQL) into one file',
    usage: 'backup:create --out FILE.tar.gz [--include-secret-key]',
    options: { out: { type: 'string' }, 'include-secret-key': { type: 'boolean' } },
    required: ['out'],
    async runOnConfig(values, config) {
      const { notes } = await createBackup(config, {
        out: need(values, 'out'),
        includeSecretKey: values['include-secret-key'] === true,
      });
      printNotes(notes);
    },
  },
  'backup:restore': {
    summary: 'Restores a backup into the configured database (stop the server first on PGlite)',
    usage: 'backup:restore --from FILE.tar.gz [--force]',
    options: { from: { type: 'string' }, force: { type: 'boolean' } },
    required: ['from'],
    async runOnConfig(values, config) {
      const { notes } = await restoreBackup(config, {
        from: need(values, 'from'),
        force: values.force === true,
      });
      printNotes(notes);
    },
  },
};
Object.assign(commands, backupCommands);

function help(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  return [
    'ciao operator commands: npm run ciao -- <command> [options]',
    '',
    ...Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`),
    '',
    "Each command takes --help. The database is the server's: DATABASE_URL, or DATA_DIR (embedded).",
  ].join('\n');
}

function commandHelp(command: Command): string {
  return `${command.summary}.\n\nUsage: npm run ciao -- ${command.usage}`;
}

async function openForCli(config: ServerConfig): Promise<Database> {
  let database: Database;
  try {
    database = await openDatabase(config.database);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      throw new UsageError(
        `The data directory ${error.dataDir} is in use by another ciao process (pid ${error.holderPid}), ` +
          'probably the server. The embedded database takes one process at a time: stop the server, ' +
          'or run the server and this command on PostgreSQL (DATABASE_URL).',
      );
    }
    throw new Error(`The database could not be opened: ${(error as Error).message}`, { cause: error });
  }
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close().catch(() => {});
    throw new Error(`The database migrations could not be applied: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return database;
}

/** Runs one command; returns the process exit code (0 done, 1 refused or failed, 2 usage). */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  let values: Values;
  try {
    let positionals: string[];
    ({ values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: command.positional !== undefined,
    }));
    if (positionals.length > 1) throw new Error(`Unexpected argument "${positionals[1]}".`);
    if (command.positional && positionals[0] !== undefined) values[command.positional] = positionals[0];
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${commandHelp(command)}`);
    return 2;
  }
  if (values.help) {
    console.log(commandHelp(command));
    return 0;
  }
  const missing = command.required.filter((key) => !values[key] || String(values[key]).trim() === '');
  if (missing.length > 0) {
    console.error(`Missing ${missing.map((key) => `--${key}`).join(', ')}.\n\n${commandHelp(command)}`);
    return 2;
  }

  let config: ServerConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  let database: Database | undefined;
  try {
    if (command.runOnConfig) {
      await command.runOnConfig(values, config);
      return 0;
    }
    database = await openForCli(config);
    const ctx: PlatformContext = {
      db: database.db,
      now: () => new Date(),
      actor: { type: 'operator', id: `cli:${os.userInfo().username}` },
    };
    await command.run?.(ctx, values, config, database);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      return 2;
    }
    if (error instanceof BackupRefusedError || error instanceof BackupFormatError) {
      console.error(`Refused: ${error.message}`);
      return 1;
    }
    if (error instanceof DomainError) {
      console.error(`Refused (${error.code}): ${error.message}`);
      return 1;
    }
    console.error(`Failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await database?.close().catch(() => {});
  }
}

process.exitCode = await runCli(process.argv.slice(2));
