import type { OnssRegistrationListQuery } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import { keysetPages, localDateTime } from './export-cells.js';
import { countOnssExport, onssExportPage } from './export-repository.js';
import type { ExportSource, ExportWording } from './export-source.js';

type OnssExportRow = Awaited<ReturnType<typeof onssExportPage>>[number];

/**
 * The ONSS tracking list as a table: each registration's ONSS status, remarks and follow-up. No
 * NISS: the tracking screen does not show it either (the correction request's CSV does, for ONSS).
 */
export function onssRegistrationExport(
  db: Db,
  tenantId: string,
  query: OnssRegistrationListQuery,
  now: Date,
  wording: ExportWording,
): ExportSource {
  const { texts, labels, timeZone } = wording;
  const words = texts.onss;
  const cells = ({ registration, ...row }: OnssExportRow) => [
    localDateTime(registration.registrationTime, timeZone),
    row.agentIdentifier,
    `${row.agentLastName} ${row.agentFirstName}`,
    row.siteName,
    row.siteDeclarationNumber,
    labels.direction[registration.direction as 'IN' | 'OUT'] ?? registration.direction,
    labels.onssStatus[registration.status as keyof typeof labels.onssStatus] ?? registration.status,
    registration.onssId,
    registration.remarks.join(' | '),
    registration.followUpStatus === null
      ? null
      : (labels.followUpStatus[registration.followUpStatus as keyof typeof labels.followUpStatus] ??
        registration.followUpStatus),
    row.assigneeName,
    registration.followUpComment,
    registration.correctionRequestReference,
  ];
  return {
    table: {
      title: texts.titles['onss-registrations'],
      columns: [
        { header: words.time, weight: 1.2 },
        { header: words.identifier },
        { header: words.agent, weight: 1.4 },
        { header: words.site, weight: 1.3 },
        { header: words.declaration },
        { header: words.direction, weight: 0.6 },
        { header: words.status, weight: 1.3 },
        { header: words.onssId },
        { header: words.remarks, weight: 1.6 },
        { header: words.followUp },
        { header: words.assignee },
        { header: words.comment, weight: 1.4 },
        { header: words.correction },
      ],
      pages: keysetPages(
        (cursor, limit) => onssExportPage(db, tenantId, query, now, cursor, limit),
        (row) => row.registration.id,
        cells,
      ),
    },
    count: (cap) => countOnssExport(db, tenantId, query, now, cap),
  };
}
