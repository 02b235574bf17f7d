import { importReport } from '@ciao/domain';
import type { ImportKind, ImportMode, ImportReport } from '@ciao/domain';
import { api } from '../../../lib/api';

/**
 * `POST /api/imports/{kind}?mode=…` (the kind's write right): checks the file (dry run) or creates
 * every line, all or nothing. The file goes as JSON `{ csv }`, read in the browser beforehand.
 */
export function runImport(kind: ImportKind, mode: ImportMode, csv: string): Promise<ImportReport> {
  return api.post(`/api/imports/${kind}?mode=${mode}`, importReport, { csv });
}
