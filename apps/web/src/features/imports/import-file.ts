import { IMPORT_MAX_BYTES } from '@ciao/domain';
import type { Capability, ImportKind } from '@ciao/domain';

/**
 * The kinds in the order a new company imports them: clients before sites (a site names its
 * client by reference or name), agents last (they need neither, but are the longest file).
 */
export const IMPORT_ORDER: readonly ImportKind[] = ['clients', 'sites', 'agents'];

/** Importing a kind is creating it: the same right as creating one (see docs/imports.md). */
export const IMPORT_CAPABILITY: Readonly<Record<ImportKind, Capability>> = {
  clients: 'clients.write',
  sites: 'sites.write',
  agents: 'agents.write',
};

/** The kinds a session may import, in import order: `importableKinds(['agents.write'])` -> `['agents']`. */
export function importableKinds(capabilities: readonly Capability[]): ImportKind[] {
  return IMPORT_ORDER.filter((kind) => capabilities.includes(IMPORT_CAPABILITY[kind]));
}

/** The back-office list where the imported objects are found. */
export const LIST_PATH: Readonly<Record<ImportKind, string>> = {
  clients: '/clients',
  sites: '/sites',
  agents: '/agents',
};

/** The URL of the kind's CSV template (header and one example line), served by the API. */
export function templateUrl(kind: ImportKind): string {
  return `/api/imports/${kind}/template.csv`;
}

/**
 * Why a chosen file is not sent: too big for the server, empty, a workbook instead of CSV, or
 * unreadable (changed on disk while being read).
 */
export type FileRefusal = 'TOO_LARGE' | 'EMPTY' | 'NOT_CSV' | 'UNREADABLE';

/**
 * Checks a chosen file before reading it: the server refuses bodies over 4 MiB, and an Excel
 * workbook must first be saved as CSV. Example: `fileRefusal({ name: 'a.xlsx', size: 10 })` -> `'NOT_CSV'`.
 */
export function fileRefusal(file: {
  name: string;
  size: number;
}): Exclude<FileRefusal, 'UNREADABLE'> | undefined {
  if (/\.(xlsx|xlsm|xls|ods|numbers)$/i.test(file.name)) return 'NOT_CSV';
  if (file.size === 0) return 'EMPTY';
  if (file.size > IMPORT_MAX_BYTES) return 'TOO_LARGE';
  return undefined;
}

/** A size in mebibytes with one decimal, as the refusal message shows it: `4.2`. */
export function mebibytes(bytes: number): number {
  return Math.ceil((bytes / (1024 * 1024)) * 10) / 10;
}

/** The columns shared by clients and sites: one translation each, whatever the kind. */
const SHARED_COLUMNS = new Set(['street', 'houseNumber', 'boxNumber', 'postCode', 'municipality', 'country']);

/**
 * The translation key of what a column holds, derived from the contract's column list so that a
 * new column cannot be forgotten (a unit test checks every one has its text).
 * Example: `columnTextKey('sites', 'postCode')` -> `'imports.columns.address.postCode'`.
 */
export function columnTextKey(kind: ImportKind, name: string): string {
  if (SHARED_COLUMNS.has(name)) return `imports.columns.address.${name}`;
  if (name === 'active') return 'imports.columns.active';
  return `imports.columns.${kind}.${name}`;
}
