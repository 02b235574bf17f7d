import { catalogueMismatches } from '@ciao/front-common';
import { expect, it } from 'vitest';
import { catalogues } from './catalogues';

it('gives every language of the back-office the keys and placeholders of French', () => {
  expect(catalogueMismatches(catalogues)).toEqual([]);
});
