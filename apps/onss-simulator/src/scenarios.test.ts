import { parseEnterpriseNumber, parseNiss, parseWorkDeclarationNumber } from '@ciao/domain';
import { describe, expect, it } from 'vitest';
import {
  DEMO_DECLARATION_NUMBERS,
  DEMO_ENTERPRISE_NUMBERS,
  DEMO_NISS,
  DEMO_SITES,
  scenarioReferenceData,
} from './scenarios.js';

const today = { year: 2026, month: 3, day: 2 };

describe('demo scenario constants', () => {
  it('are valid identifiers, so the server accepts them in its demo seed', () => {
    for (const number of Object.values(DEMO_ENTERPRISE_NUMBERS)) {
      expect(parseEnterpriseNumber(number)).toEqual({ ok: true, value: number });
    }
    for (const number of Object.values(DEMO_DECLARATION_NUMBERS)) {
      expect(parseWorkDeclarationNumber(number)).toEqual({ ok: true, value: number });
    }
    for (const niss of [...DEMO_NISS.workers, DEMO_NISS.unknownInNationalRegister, DEMO_NISS.withoutDimona]) {
      expect(parseNiss(niss, today).ok, niss).toBe(true);
    }
  });

  it('give every declaration a site and load into the demo reference data', () => {
    const data = scenarioReferenceData('demo');
    expect(data.declarations.map((declaration) => declaration.number).sort()).toEqual(
      Object.values(DEMO_DECLARATION_NUMBERS).sort(),
    );
    expect(DEMO_SITES.map((site) => site.declarationNumber).sort()).toEqual(
      Object.values(DEMO_DECLARATION_NUMBERS).sort(),
    );
    expect(data.unknownNiss).toEqual([DEMO_NISS.unknownInNationalRegister]);
    expect(scenarioReferenceData('empty').declarations).toEqual([]);
  });
});
