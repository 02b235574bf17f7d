import type { Language } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import type { AgentRow } from '../agents/agent-repository.js';
import { localDateTime } from '../exports/export-cells.js';
import type { ExportTable } from '../exports/export-table.js';
import { exportTexts } from '../exports/export-texts.js';
import { exportValueLabels } from '../exports/export-value-labels.js';
import { pdfSectionsChunks } from '../exports/pdf-table-writer.js';
import {
  anomalyPage,
  auditPages,
  iso,
  pagesOf,
  registrationPage,
  workSessionPage,
  type Subject,
} from './personal-data-repository.js';
import { presentAuditEntry, readFixedPart, type PersonalDataHeader } from './personal-data-json.js';
import { personalDataTexts } from './personal-data-texts.js';

type Cell = string | number | null;

async function* once(rows: Cell[][]): AsyncGenerator<Cell[][]> {
  yield rows;
}

async function* mapPages<Row>(pages: AsyncIterable<Row[]>, toCells: (row: Row) => Cell[]) {
  for await (const page of pages) yield page.map(toCells);
}

/** Audit before/after, short: the PDF is for reading, the JSON has them whole. */
function summary(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

/**
 * The same data as the JSON, as a PDF in the requesting user's language: one section per kind,
 * the long lists streamed a page at a time through the exports' PDF writer.
 */
export async function* personalDataPdf(
  db: Db,
  subject: Subject,
  agent: AgentRow,
  header: PersonalDataHeader,
  language: Language,
  timeZone: string,
): AsyncGenerator<Buffer> {
  const texts = personalDataTexts[language];
  const exportWords = exportTexts[language];
  const labels = exportValueLabels[language];
  const at = (value: Date | string | null) =>
    localDateTime(value === null ? null : new Date(value), timeZone);
  const yesNo = (value: boolean | null) => {
    if (value === null) return null;
    return value ? exportWords.yes : exportWords.no;
  };
  const fixed = await readFixedPart(db, subject, agent);
  const identity = fixed.agent;
  const fields = texts.identity;
  const keyValue = (title: string, rows: [string, Cell][]): ExportTable => ({
    title,
    columns: [{ header: texts.field }, { header: texts.value, weight: 3 }],
    pages: once(rows),
  });

  const sections: ExportTable[] = [
    keyValue(texts.sections.identity, [
      [fields.identifier, identity.identifier],
      [fields.firstName, identity.firstName],
      [fields.lastName, identity.lastName],
      [fields.niss, identity.niss],
      [fields.limosaId, identity.limosaId],
      [fields.agentType, identity.agentType],
      [fields.employmentStatus, identity.employmentStatus],
      [fields.employer, identity.employer.name],
      [fields.payrollNumber, identity.payrollNumber],
      [fields.language, identity.language],
      [fields.email, identity.email],
      [fields.phone, identity.phone],
      [fields.mobileAccess, yesNo(identity.mobileAccess)],
      [fields.mobileIdentifier, identity.mobileIdentifier],
      [fields.hasMobilePassword, yesNo(identity.hasMobilePassword)],
      [fields.activeFrom, identity.activeFrom],
      [fields.activeUntil, identity.activeUntil],
      [fields.active, yesNo(identity.active)],
      [fields.createdAt, at(identity.createdAt)],
    ]),
    {
      title: texts.sections.webUser,
      columns: ['login', 'role', 'twoFactor', 'lastLogin'].map((key) => ({
        header: texts.columns[key as keyof typeof texts.columns],
      })),
      pages: once(
        fixed.webUser
          ? [
              [
                fixed.webUser.login,
                fixed.webUser.role,
                yesNo(fixed.webUser.twoFactorEnabled),
                at(fixed.webUser.lastLoginAt),
              ],
            ]
          : [],
      ),
    },
    {
      title: texts.sections.tasks,
      columns: [
        { header: texts.columns.task, weight: 2 },
        { header: texts.columns.site, weight: 2 },
        { header: texts.columns.client, weight: 2 },
        { header: texts.columns.linkedAt },
      ],
      pages: once(fixed.tasks.map((task) => [task.task, task.site, task.client, at(task.linkedAt)])),
    },
    {
      title: texts.sections.devices,
      columns: ['platform', 'appVersion', 'signedIn', 'lastUsed', 'signedOut'].map((key) => ({
        header: texts.columns[key as keyof typeof texts.columns],
      })),
      pages: once(
        fixed.devices.map((device) => [
          device.platform,
          device.appVersion,
          at(device.signedInAt),
          at(device.lastUsedAt),
          at(device.signedOutAt),
        ]),
      ),
    },
    {
      title: texts.sections.webSessions,
      columns: [
        { header: texts.columns.started },
        { header: texts.columns.lastSeen },
        { header: texts.columns.ip },
        { header: texts.columns.userAgent, weight: 3 },
      ],
      pages: once(
        fixed.webSessions.map((session) => [
          at(session.createdAt),
          at(session.lastSeenAt),
          session.ip,
          session.userAgent,
        ]),
      ),
    },
    {
      title: texts.sections.registrations,
      columns: [
        { header: exportWords.registrations.deviceTime },
        { header: exportWords.registrations.action },
        { header: exportWords.registrations.task, weight: 1.5 },
        { header: exportWords.registrations.site, weight: 1.5 },
        { header: texts.columns.position, weight: 1.5 },
        { header: exportWords.registrations.distance },
        { header: exportWords.registrations.outside },
        { header: exportWords.registrations.onssStatus, weight: 1.5 },
        { header: texts.columns.onssId },
      ],
      pages: mapPages(
        pagesOf((cursor, limit) => registrationPage(db, subject, cursor, limit)),
        (row) => [
          at(row.device_time),
          labels.action[row.action as keyof typeof labels.action] ?? row.action,
          row.task,
          row.site,
          row.latitude === null || row.longitude === null
            ? texts.anonymised
            : `${row.latitude.toFixed(5)}, ${row.longitude.toFixed(5)} ±${Math.round(row.accuracy_meters)} m`,
          row.distance_meters === null ? null : Math.round(row.distance_meters),
          row.inside_geofence === null ? null : yesNo(!row.inside_geofence),
          row.onss_status
            ? (labels.onssStatus[row.onss_status as keyof typeof labels.onssStatus] ?? row.onss_status)
            : null,
          row.onss_id,
        ],
      ),
    },
    {
      title: texts.sections.workSessions,
      columns: [
        { header: texts.columns.date },
        { header: texts.columns.task, weight: 1.5 },
        { header: texts.columns.site, weight: 1.5 },
        { header: texts.columns.start },
        { header: texts.columns.end },
        { header: texts.columns.workedHours },
        { header: texts.columns.breakMinutes },
        { header: texts.columns.corrections, weight: 3 },
      ],
      pages: mapPages(
        pagesOf((cursor, limit) => workSessionPage(db, subject, cursor, limit)),
        (row) => [
          row.work_date,
          row.task,
          row.site,
          at(row.corrected_started_at ?? row.started_at),
          at(row.corrected_ended_at ?? row.ended_at),
          Math.round(((row.corrected_worked_seconds ?? row.worked_seconds) / 3600) * 100) / 100,
          Math.round(row.break_seconds / 60),
          row.corrections.map((correction) => `${at(correction.at)}: ${correction.reason}`).join(' · '),
        ],
      ),
    },
    {
      title: texts.sections.anomalies,
      columns: [
        { header: exportWords.anomalies.openedAt },
        { header: exportWords.anomalies.type, weight: 2 },
        { header: exportWords.anomalies.status },
        { header: exportWords.anomalies.resolvedAt },
        { header: exportWords.anomalies.comment, weight: 3 },
      ],
      pages: mapPages(
        pagesOf((cursor, limit) => anomalyPage(db, subject, cursor, limit)),
        (row) => [
          at(row.opened_at),
          labels.anomalyType[row.type as keyof typeof labels.anomalyType] ?? row.type,
          labels.anomalyStatus[row.status as keyof typeof labels.anomalyStatus] ?? row.status,
          at(row.resolved_at),
          row.comment,
        ],
      ),
    },
    {
      title: texts.sections.audit,
      columns: [
        { header: texts.columns.at },
        { header: texts.columns.actor },
        { header: texts.columns.action, weight: 1.5 },
        { header: texts.columns.entity },
        { header: texts.columns.details, weight: 5 },
      ],
      pages: mapPages(auditPages(db, subject), (row) => {
        const entry = presentAuditEntry(row, subject);
        return [
          at(iso(row.at)),
          entry.actorType,
          entry.action,
          entry.entityType,
          [summary(entry.before), summary(entry.after)].filter(Boolean).join(' → '),
        ];
      }),
    },
  ];

  const name = `${agent.firstName} ${agent.lastName}`;
  yield* pdfSectionsChunks(texts.title(name), sections, {
    subtitle: `${texts.intro(header.company.name, header.generatedBy.displayName)} ${exportWords.madeOn(
      localDateTime(header.generatedAt, timeZone) ?? '',
    )}`,
    pageLabel: exportWords.page,
    createdAt: header.generatedAt,
    empty: texts.empty,
  });
}
