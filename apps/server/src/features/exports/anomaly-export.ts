import type { AnomalyListQuery } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import { keysetPages, localDateTime } from './export-cells.js';
import { anomalyExportPage, countAnomalyExport } from './export-repository.js';
import type { ExportSource, ExportWording } from './export-source.js';

type AnomalyExportRow = Awaited<ReturnType<typeof anomalyExportPage>>[number];

/** The anomalies list as a table: type, status, who and where, when acknowledged and resolved. */
export function anomalyExport(
  db: Db,
  tenantId: string,
  query: AnomalyListQuery,
  wording: ExportWording,
): ExportSource {
  const { texts, labels, timeZone } = wording;
  const words = texts.anomalies;
  const cells = ({ anomaly, ...row }: AnomalyExportRow) => [
    localDateTime(anomaly.openedAt, timeZone),
    labels.anomalyType[anomaly.type as keyof typeof labels.anomalyType] ?? anomaly.type,
    labels.anomalyStatus[anomaly.status as keyof typeof labels.anomalyStatus] ?? anomaly.status,
    row.agentLastName === null ? null : `${row.agentLastName} ${row.agentFirstName}`,
    row.siteName,
    row.taskName,
    localDateTime(anomaly.acknowledgedAt, timeZone),
    localDateTime(anomaly.resolvedAt, timeZone),
    anomaly.resolvedAt === null ? null : anomaly.resolvedAutomatically ? texts.yes : texts.no,
    anomaly.comment,
  ];
  return {
    table: {
      title: texts.titles.anomalies,
      columns: [
        { header: words.openedAt, weight: 1.2 },
        { header: words.type, weight: 1.8 },
        { header: words.status },
        { header: words.agent, weight: 1.4 },
        { header: words.site, weight: 1.3 },
        { header: words.task, weight: 1.3 },
        { header: words.acknowledgedAt, weight: 1.2 },
        { header: words.resolvedAt, weight: 1.2 },
        { header: words.automatic, weight: 0.8 },
        { header: words.comment, weight: 2 },
      ],
      pages: keysetPages(
        (cursor, limit) => anomalyExportPage(db, tenantId, query, cursor, limit),
        (row) => row.anomaly.id,
        cells,
      ),
    },
    count: (cap) => countAnomalyExport(db, tenantId, query, cap),
  };
}
