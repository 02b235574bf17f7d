import { z } from 'zod';
import { webPassword, roleSchema } from './auth.js';
import { booleanQuery, isoInstant, languageSchema, listQuery, optionalEmail, pageOf } from './common.js';

/**
 * A back-office login: letters, digits and `. _ @ -` (an e-mail address works), unique per company
 * whatever its case.
 *
 * @example
 * userLogin.parse(' anne.dupont '); // 'anne.dupont'
 */
export const userLogin = z
  .string()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(100, 'must be at most 100 characters')
  .regex(/^[A-Za-z0-9._@-]+$/, 'may only contain letters, digits and . _ @ -');

const displayName = z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters');

/**
 * The users list: search `q` on login, name and e-mail; filters on role and active.
 *
 * @example
 * userListQuery.parse({ role: 'ADMIN', active: 'true', sort: 'lastLoginAt', order: 'desc' });
 */
export const userListQuery = listQuery(
  ['login', 'displayName', 'role', 'lastLoginAt', 'createdAt'] as const,
  'login',
).extend({
  role: roleSchema.optional(),
  active: booleanQuery.optional(),
});

export type UserListQuery = z.output<typeof userListQuery>;

/**
 * A web user as administrators see it. Nobody can read a password: `hasPassword` only says whether
 * one is set (an agent's automatic user has none until an administrator sets one).
 *
 * @example
 * userView.shape.secondFactorEnabled;
 */
export const userView = z.object({
  id: z.uuid(),
  login: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  language: z.string(),
  role: roleSchema,
  active: z.boolean(),
  hasPassword: z.boolean(),
  secondFactorEnabled: z.boolean(),
  lastLoginAt: isoInstant.nullable(),
  /** The agent this user was created for, if any. */
  agent: z.object({ id: z.uuid(), identifier: z.string() }).nullable(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});

export type UserView = z.infer<typeof userView>;

/** @example userPage.shape.total; */
export const userPage = pageOf(userView);

/**
 * Creating a web user (administrators only). The password follows the web rule (≥ 10 characters).
 *
 * @example
 * createUserRequest.parse({ login: 'anne', displayName: 'Anne', role: 'HR_MANAGER', password: 'a long password' });
 */
export const createUserRequest = z.object({
  login: userLogin,
  displayName,
  email: optionalEmail.optional(),
  language: languageSchema.default('fr'),
  role: roleSchema,
  password: webPassword,
});

export type CreateUserRequest = z.output<typeof createUserRequest>;

/**
 * Changing a web user. An administrator can neither take away their own `ADMIN` role nor
 * deactivate themselves; deactivating a user signs them out everywhere.
 *
 * @example
 * updateUserRequest.parse({ role: 'SUPERVISOR', active: false });
 */
export const updateUserRequest = z.object({
  displayName: displayName.optional(),
  email: optionalEmail.optional(),
  language: languageSchema.optional(),
  role: roleSchema.optional(),
  active: z.boolean().optional(),
});

export type UpdateUserRequest = z.output<typeof updateUserRequest>;

/**
 * An administrator sets a new password for a user (signs the user out everywhere).
 *
 * @example
 * setUserPasswordRequest.parse({ password: 'a long password' });
 */
export const setUserPasswordRequest = z.object({ password: webPassword });
