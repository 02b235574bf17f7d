import { defaultCompanySettings, type CompanySettings, type CompanyView } from '@ciao/domain';
import type { CompanyRow } from './company-repository.js';

/** The stored settings completed with the defaults of what was never set. */
export function effectiveSettings(stored: CompanyRow['settings']): CompanySettings {
  return {
    defaultGeofenceRadiusMeters:
      stored.defaultGeofenceRadiusMeters ?? defaultCompanySettings.defaultGeofenceRadiusMeters,
    blockOutsideGeofence: stored.blockOutsideGeofence ?? defaultCompanySettings.blockOutsideGeofence,
    maxEventAgeDays: stored.maxEventAgeDays ?? defaultCompanySettings.maxEventAgeDays,
    requireTwoFactorForAdmins:
      stored.requireTwoFactorForAdmins ?? defaultCompanySettings.requireTwoFactorForAdmins,
    anomalyThresholds: stored.anomalyThresholds ?? {},
  };
}

export function presentCompany(row: CompanyRow): CompanyView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    enterpriseNumber: row.enterpriseNumber,
    onssEmployerNumber: row.onssEmployerNumber,
    timeZone: row.timeZone,
    defaultLanguage: row.defaultLanguage,
    settings: effectiveSettings(row.settings),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function companyAuditSnapshot(row: CompanyRow) {
  return {
    name: row.name,
    enterpriseNumber: row.enterpriseNumber,
    onssEmployerNumber: row.onssEmployerNumber,
    timeZone: row.timeZone,
    defaultLanguage: row.defaultLanguage,
    settings: effectiveSettings(row.settings),
  };
}
