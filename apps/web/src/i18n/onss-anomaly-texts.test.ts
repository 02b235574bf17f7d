import {
  anomalyStatuses,
  anomalyTypes,
  onssFollowUpStatusSchema,
  onssRegistrationStatuses,
} from '@ciao/domain';
import { describe, expect, it } from 'vitest';
import { onssRemarkKeys } from '../features/onss/onss-remarks';
import { catalogues } from './catalogues';

// The screens build these keys from server values, which the compiler cannot check: every value of
// the contracts must have its words in every language.
const detailKeys = [
  'MISSED_DEPARTURE_planned_end',
  'MISSED_DEPARTURE_max_duration',
  'CORRECTION_DEADLINE',
  ...anomalyTypes.filter((type) => type !== 'MISSED_DEPARTURE' && !type.startsWith('CORRECTION_DEADLINE')),
];

describe.each(Object.entries(catalogues))('the %s texts of ONSS tracking and compliance', (_, catalogue) => {
  it('name every ONSS status, follow-up status and remark', () => {
    for (const status of onssRegistrationStatuses) expect(catalogue.onss.status[status]).toBeTruthy();
    for (const status of onssFollowUpStatusSchema.options)
      expect(catalogue.onss.followUpStatus[status]).toBeTruthy();
    const remarks = catalogue.onss.remarks as Record<string, string>;
    for (const key of onssRemarkKeys) expect(remarks[key], key).toBeTruthy();
  });

  it('name and explain every anomaly type and status', () => {
    for (const type of anomalyTypes) {
      expect(catalogue.anomalies.type[type]).toBeTruthy();
      expect(catalogue.anomalies.describe[type]).toBeTruthy();
    }
    const details = catalogue.anomalies.details as Record<string, string>;
    for (const key of detailKeys) expect(details[key], key).toBeTruthy();
    for (const status of anomalyStatuses) expect(catalogue.anomalies.status[status]).toBeTruthy();
  });
});
