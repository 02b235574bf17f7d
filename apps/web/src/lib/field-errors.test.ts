import { describe, expect, it } from 'vitest';
import { fieldErrorText } from './field-errors';

const t = (key: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key;

describe('fieldErrorText', () => {
  it("words the server's reasons, e.g. the NISS parser's code", () => {
    expect(fieldErrorText(t, 'niss', 'NISS_CHECK_DIGITS')).toBe('reasons.NISS_CHECK_DIGITS');
    expect(fieldErrorText(t, 'enterpriseNumber', 'ENTERPRISE_NUMBER_FORMAT')).toBe(
      'reasons.ENTERPRISE_NUMBER_FORMAT',
    );
    expect(fieldErrorText(t, 'agentType', 'RESTRICTED_AGENT_TYPE')).toBe('reasons.RESTRICTED_AGENT_TYPE');
  });

  it('explains the date-order rule of the shared contract on the end date', () => {
    expect(fieldErrorText(t, 'activeUntil', 'CUSTOM')).toBe('reasons.DATE_RANGE');
    expect(fieldErrorText(t, 'timeZone', 'CUSTOM')).toBe('fields.invalidValue');
  });

  it('says "required" for a blank value and falls back to "invalid" for unknown codes', () => {
    expect(fieldErrorText(t, 'firstName', 'TOO_SMALL', ' ')).toBe('fields.required');
    expect(fieldErrorText(t, 'firstName', 'SOMETHING_NEW')).toBe('fields.invalidValue');
  });

  it('says "required" for a number box left blank, "invalid" for a word typed in it', () => {
    expect(fieldErrorText(t, 'geofenceRadiusMeters', 'INVALID_TYPE', '')).toBe('fields.required');
    expect(fieldErrorText(t, 'latitude', 'INVALID_TYPE', 'north')).toBe('fields.invalidValue');
  });

  it("words the places' reasons (sites, clients, subcontractors)", () => {
    expect(fieldErrorText(t, 'workDeclarationNumber', 'WORK_DECLARATION_NUMBER_FORMAT')).toBe(
      'reasons.WORK_DECLARATION_NUMBER_FORMAT',
    );
    expect(fieldErrorText(t, 'latitude', 'COORDINATES_INCOMPLETE')).toBe('reasons.COORDINATES_INCOMPLETE');
    expect(fieldErrorText(t, 'enterpriseNumber', 'EMPLOYER_ID_REQUIRED')).toBe(
      'reasons.EMPLOYER_ID_REQUIRED',
    );
  });
});
