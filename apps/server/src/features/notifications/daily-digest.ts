// The daily compliance digest: the figures of one local day for a subscriber's scope.

/** The day's figures of a company, per site, as the repository reads them. */
export interface DigestFigures {
  registrations: readonly { siteId: string; count: number }[];
  /** Anomalies still open (not resolved) now, opened on or before the day. */
  openAnomalies: readonly { siteId: string | null; type: string; count: number }[];
  /** The day's registrations by ONSS status. */
  onssStatuses: readonly { siteId: string; status: string; count: number }[];
}

export interface DailyDigest {
  /** The local day summed up (YYYY-MM-DD). */
  date: string;
  registrations: number;
  openAnomalies: { type: string; count: number }[];
  onssRefused: number;
  /** The day's registrations ONSS has not acknowledged yet (to send, sending, failing, given up). */
  onssLate: number;
}

const lateStatuses = new Set(['to_send', 'sending', 'send_failing', 'needs_attention']);

/** Sums the figures of the sites a subscriber's scope keeps (`keepsSite`), anomalies by type. */
export function buildDailyDigest(
  date: string,
  figures: DigestFigures,
  keepsSite: (siteId: string | null) => boolean,
): DailyDigest {
  const sum = <T extends { count: number }>(rows: readonly T[], keep: (row: T) => boolean) =>
    rows.filter(keep).reduce((total, row) => total + row.count, 0);
  const byType = new Map<string, number>();
  for (const row of figures.openAnomalies) {
    if (keepsSite(row.siteId)) byType.set(row.type, (byType.get(row.type) ?? 0) + row.count);
  }
  return {
    date,
    registrations: sum(figures.registrations, (row) => keepsSite(row.siteId)),
    openAnomalies: [...byType]
      .map(([type, count]) => ({ type, count }))
      .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
    onssRefused: sum(figures.onssStatuses, (row) => keepsSite(row.siteId) && row.status === 'refused'),
    onssLate: sum(figures.onssStatuses, (row) => keepsSite(row.siteId) && lateStatuses.has(row.status)),
  };
}
