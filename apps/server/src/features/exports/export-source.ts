import type { Language } from '@ciao/domain';
import type { ExportTable } from './export-table.js';
import type { ExportTexts } from './export-texts.js';
import type { ExportValueLabels } from './export-value-labels.js';

/** What every list export needs to write its cells: the words, and the zone its times are told in. */
export interface ExportWording {
  language: Language;
  texts: ExportTexts;
  labels: ExportValueLabels;
  timeZone: string;
}

/** One list's export: its table (read lazily, page by page) and how many rows it will have. */
export interface ExportSource {
  table: ExportTable;
  /** The row count, stopping past `cap` when given. */
  count(cap?: number): Promise<number>;
}
