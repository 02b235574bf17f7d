import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { sha256Hex } from '../../security/tokens.js';

// RFC 6238 defaults (SHA-1, 6 digits, 30 s) because every authenticator app supports them; one
// step of tolerance each way absorbs phone clock drift.
const TOTP_WINDOW = 1;

function totpFor(secretBase32: string, label: string) {
  return new TOTP({
    issuer: 'ciao',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function verifyTotp(secretBase32: string, code: string, now: Date): boolean {
  return (
    totpFor(secretBase32, 'verify').validate({
      token: code,
      window: TOTP_WINDOW,
      timestamp: now.getTime(),
    }) !== null
  );
}

/**
 * The 30-second step of the code if it is valid now (one step of tolerance each way), else null:
 * remembering the last accepted step refuses a code seen once from being played again.
 */
export function acceptedTotpStep(secretBase32: string, code: string, now: Date): number | null {
  const delta = totpFor(secretBase32, 'verify').validate({
    token: code,
    window: TOTP_WINDOW,
    timestamp: now.getTime(),
  });
  return delta === null ? null : Math.floor(now.getTime() / 30_000) + delta;
}

/** The current code, for tests and for the enrolment screen's self-check. */
export function currentTotp(secretBase32: string, now: Date): string {
  return totpFor(secretBase32, 'generate').generate({ timestamp: now.getTime() });
}

export async function enrolmentMaterial(secretBase32: string, label: string) {
  const otpauthUrl = totpFor(secretBase32, label).toString();
  const qrCodeSvg = await QRCode.toString(otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return { secret: secretBase32, otpauthUrl, qrCodeSvg };
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten single-use recovery codes, shown once; only their hashes are kept. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(12);
    const chars = Array.from(bytes, (byte) => RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  return sha256Hex(code.toLowerCase().replaceAll('-', ''));
}
