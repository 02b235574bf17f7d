import { randomInt } from 'node:crypto';
import { sha256Hex } from '../../security/tokens.js';

// No 0/O, 1/I/L: codes are read aloud on the phone and typed by cleaners.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/**
 * Licence codes are compared case- and separator-insensitively (`abcd efgh` is `ABCD-EFGH`), then
 * hashed: the code is never stored in clear. A fast hash suffices, the codes being random.
 */
export function hashLicenceCode(code: string): string {
  return sha256Hex(code.toUpperCase().replace(/[^A-Z0-9]/g, ''));
}

/**
 * A new readable code such as `K7QX-M2RP-9HZD`: 12 symbols out of 31, about 59 random bits; with
 * the activation throttling (50 failures per IP per 15 minutes) guessing one is hopeless.
 */
export function newLicenceCode(): string {
  const symbols = Array.from(
    { length: GROUPS * GROUP_LENGTH },
    () => ALPHABET[randomInt(ALPHABET.length)],
  ).join('');
  const groups: string[] = [];
  for (let start = 0; start < symbols.length; start += GROUP_LENGTH)
    groups.push(symbols.slice(start, start + GROUP_LENGTH));
  return groups.join('-');
}

/** The last characters of a code, shown in lists to recognise it without revealing it. */
export function licenceCodeHint(code: string): string {
  return code
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(-4);
}
