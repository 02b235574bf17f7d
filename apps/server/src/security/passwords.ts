import { hash, verify, type Options } from '@node-rs/argon2';

// @node-rs/argon2's Algorithm is an ambient const enum, which isolated modules cannot read.
const ARGON2ID = 2 as NonNullable<Options['algorithm']>;

/**
 * argon2id with OWASP's second recommended profile (19 MiB, 2 passes, 1 lane): about 60 ms per
 * hash on this project's 2-core machines, so a login stays fast and a stolen hash stays costly.
 */
export const passwordHashOptions = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const satisfies Options;

export function hashPassword(password: string): Promise<string> {
  return hash(password, passwordHashOptions);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** True when a stored hash was made with other parameters: rehash it at the next successful login. */
export function needsRehash(passwordHash: string): boolean {
  const { memoryCost, timeCost, parallelism } = passwordHashOptions;
  return !passwordHash.startsWith(`$argon2id$v=19$m=${memoryCost},t=${timeCost},p=${parallelism}$`);
}
