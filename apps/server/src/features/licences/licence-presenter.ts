import type { DeviceSummary, LicenceSummary } from '@ciao/domain';
import type { LicenceRow } from './licence-repository.js';

const iso = (instant: Date | null) => (instant ? instant.toISOString() : null);

/** Revoked wins over expired: it is the company's own decision and cannot be undone. */
export function licenceStatusAt(licence: Pick<LicenceRow, 'expiresAt' | 'revokedAt'>, now: Date) {
  if (licence.revokedAt) return 'revoked' as const;
  if (licence.expiresAt && licence.expiresAt.getTime() <= now.getTime()) return 'expired' as const;
  return 'active' as const;
}

export function presentLicence(
  { licence, activeDevices }: { licence: LicenceRow; activeDevices: number },
  now: Date,
): LicenceSummary {
  return {
    id: licence.id,
    codeHint: licence.codeHint,
    label: licence.label,
    maxDevices: licence.maxDevices,
    activeDevices,
    status: licenceStatusAt(licence, now),
    expiresAt: iso(licence.expiresAt),
    revokedAt: iso(licence.revokedAt),
    createdAt: licence.createdAt.toISOString(),
  };
}

const platforms = new Set(['ios', 'android', 'web', 'other']);

export function presentDevice(row: {
  device: {
    id: string;
    platform: string | null;
    appVersion: string | null;
    activatedAt: Date;
    lastSeenAt: Date | null;
    revokedAt: Date | null;
  };
  licence: { id: string; codeHint: string; label: string | null };
  lastAgent: DeviceSummary['lastAgent'];
}): DeviceSummary {
  const { device } = row;
  return {
    id: device.id,
    licence: row.licence,
    platform:
      device.platform && platforms.has(device.platform)
        ? (device.platform as NonNullable<DeviceSummary['platform']>)
        : device.platform
          ? 'other'
          : null,
    appVersion: device.appVersion,
    activatedAt: device.activatedAt.toISOString(),
    lastSeenAt: iso(device.lastSeenAt),
    revokedAt: iso(device.revokedAt),
    lastAgent: row.lastAgent,
  };
}
