import { catalogueMismatches } from '@ciao/front-common';
import { expect, it } from 'vitest';
import de from './de.json';
import en from './en.json';
import fr from './fr.json';
import nl from './nl.json';

it('gives every language of the agent app the keys and placeholders of French', () => {
  expect(catalogueMismatches({ fr, nl, en, de })).toEqual([]);
});
