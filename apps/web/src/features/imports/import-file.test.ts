import { IMPORT_MAX_BYTES, importColumns, importKind, rightsTable } from '@ciao/domain';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../i18n/catalogues';
import { columnTextKey, fileRefusal, importableKinds, mebibytes } from './import-file';

function lookup(catalogue: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
}

describe('importableKinds', () => {
  it('offers clients, then sites, then agents to an administrator', () => {
    expect(importableKinds(rightsTable.ADMIN)).toEqual(['clients', 'sites', 'agents']);
  });

  it('offers an HR manager agents only, and a supervisor or an inspector nothing', () => {
    expect(importableKinds(rightsTable.HR_MANAGER)).toEqual(['agents']);
    expect(importableKinds(rightsTable.SUPERVISOR)).toEqual([]);
    expect(importableKinds(rightsTable.INSPECTOR)).toEqual([]);
  });
});

describe('fileRefusal', () => {
  it('accepts a CSV file up to 4 MiB', () => {
    expect(fileRefusal({ name: 'clients.csv', size: 120 })).toBeUndefined();
    expect(fileRefusal({ name: 'clients.CSV', size: IMPORT_MAX_BYTES })).toBeUndefined();
  });

  it('refuses a file one byte over 4 MiB, an empty file and a workbook', () => {
    expect(fileRefusal({ name: 'agents.csv', size: IMPORT_MAX_BYTES + 1 })).toBe('TOO_LARGE');
    expect(fileRefusal({ name: 'agents.csv', size: 0 })).toBe('EMPTY');
    expect(fileRefusal({ name: 'Agents.XLSX', size: 5000 })).toBe('NOT_CSV');
    expect(fileRefusal({ name: 'agents.ods', size: 5000 })).toBe('NOT_CSV');
  });

  it('says the limit in mebibytes', () => {
    expect(mebibytes(IMPORT_MAX_BYTES)).toBe(4);
  });
});

describe('columnTextKey', () => {
  it('shares the address columns between clients and sites, and keeps names apart', () => {
    expect(columnTextKey('sites', 'postCode')).toBe(columnTextKey('clients', 'postCode'));
    expect(columnTextKey('sites', 'name')).not.toBe(columnTextKey('clients', 'name'));
  });

  it('has a text in every language for every column of the contract', () => {
    const missing: string[] = [];
    for (const kind of importKind.options)
      for (const column of importColumns[kind])
        for (const [language, catalogue] of Object.entries(catalogues)) {
          const key = columnTextKey(kind, column.name);
          if (typeof lookup(catalogue, key) !== 'string') missing.push(`${language} ${key}`);
        }
    expect(missing).toEqual([]);
  });
});
