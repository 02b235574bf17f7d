import type { RegistrationListQuery } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import {
  narrowRegistrationFilters,
  type NarrowedFilters,
  type Period,
} from '../registrations/registration-repository.js';
import { keysetPages, localDateTime } from './export-cells.js';
import {
  countRegistrationExport,
  registrationExportPage,
  type RegistrationExportRow,
} from './export-repository.js';
import type { ExportSource, ExportWording } from './export-source.js';

/**
 * The registrations list as a table: the screen's columns plus what a spreadsheet needs split
 * (identifier apart from the name, direction, client). No coordinates: the list has none either.
 */
export function registrationExport(
  db: Db,
  tenantId: string,
  query: RegistrationListQuery,
  period: Period,
  wording: ExportWording,
): ExportSource {
  const { texts, labels, timeZone } = wording;
  // The list's short id lists (see narrowRegistrationFilters), read once for all pages and the count.
  let narrowing: Promise<NarrowedFilters> | undefined;
  const narrowed = () => (narrowing ??= narrowRegistrationFilters(db, tenantId, query));
  const words = texts.registrations;
  const yesNo = (value: boolean) => (value ? texts.yes : texts.no);
  const cells = (row: RegistrationExportRow) => [
    localDateTime(row.event.deviceTime, timeZone),
    localDateTime(row.event.receivedAt, timeZone),
    row.agentIdentifier,
    `${row.agentLastName} ${row.agentFirstName}`,
    labels.action[row.event.action as keyof typeof labels.action] ?? row.event.action,
    labels.direction[row.event.direction as 'IN' | 'OUT'] ?? row.event.direction,
    row.taskName,
    row.siteName,
    row.clientName,
    row.event.distanceMeters === null ? null : Math.round(row.event.distanceMeters),
    row.event.insideGeofence === null ? null : yesNo(!row.event.insideGeofence),
    row.event.accuracyMeters === null ? null : Math.round(row.event.accuracyMeters),
    (row.event.flags as string[]).join(', '),
    yesNo(row.event.capturedOffline),
    row.onssStatus === null
      ? null
      : (labels.onssStatus[row.onssStatus as keyof typeof labels.onssStatus] ?? row.onssStatus),
    row.openAnomalies,
  ];
  return {
    table: {
      title: texts.titles.registrations,
      columns: [
        { header: words.deviceTime, weight: 1.3 },
        { header: words.receivedAt, weight: 1.3 },
        { header: words.identifier },
        { header: words.agent, weight: 1.5 },
        { header: words.action, weight: 0.8 },
        { header: words.direction, weight: 0.7 },
        { header: words.task, weight: 1.3 },
        { header: words.site, weight: 1.3 },
        { header: words.client, weight: 1.2 },
        { header: words.distance, weight: 0.7 },
        { header: words.outside, weight: 0.7 },
        { header: words.accuracy, weight: 0.7 },
        { header: words.flags },
        { header: words.offline, weight: 0.6 },
        { header: words.onssStatus, weight: 1.2 },
        { header: words.openAnomalies, weight: 0.7 },
      ],
      pages: keysetPages(
        async (cursor, limit) =>
          registrationExportPage(db, tenantId, query, period, cursor, limit, await narrowed()),
        (row) => row.event.id,
        cells,
      ),
    },
    count: async (cap) => countRegistrationExport(db, tenantId, query, period, cap, await narrowed()),
  };
}
