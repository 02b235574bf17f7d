import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, createdAt, id, instant, updatedAt } from './columns.js';
import { devices, tenants } from './tenants.js';
import { agents } from './people.js';

/** A back-office user. Agents get one automatically (role NONE unless an admin chooses another). */
export const webUsers = pgTable(
  'web_users',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    login: text('login').notNull(),
    email: text('email'),
    displayName: text('display_name').notNull(),
    language: text('language').notNull().default('fr'),
    /** One of the rights table's roles: ADMIN, ADMIN_MANAGER, HR_MANAGER, SUPERVISOR, INSPECTOR, NONE. */
    role: text('role').notNull().default('NONE'),
    /** argon2id; null until the user sets a password through an invitation link. */
    passwordHash: text('password_hash'),
    passwordChangedAt: instant('password_changed_at'),
    totpSecretEncrypted: bytea('totp_secret_encrypted'),
    totpEnabledAt: instant('totp_enabled_at'),
    recoveryCodeHashes: jsonb('recovery_code_hashes').$type<string[]>().notNull().default([]),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: instant('locked_until'),
    lastLoginAt: instant('last_login_at'),
    active: boolean('active').notNull().default(true),
    agentId: uuid('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('web_users_login_key').on(t.tenantId, sql`lower(${t.login})`),
    uniqueIndex('web_users_agent_key')
      .on(t.agentId)
      .where(sql`${t.agentId} is not null`),
    index('web_users_tenant_role_idx').on(t.tenantId, t.role),
  ],
);

/** Server-side web sessions; the cookie carries a random id whose SHA-256 is the key here. */
export const webSessions = pgTable(
  'web_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => webUsers.id, { onDelete: 'cascade' }),
    csrfTokenHash: text('csrf_token_hash').notNull(),
    /** True between the password step and the TOTP step of a two-factor login. */
    secondFactorPending: boolean('second_factor_pending').notNull().default(false),
    createdAt: createdAt(),
    lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
    expiresAt: instant('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [
    index('web_sessions_user_idx').on(t.tenantId, t.userId),
    index('web_sessions_expiry_idx').on(t.expiresAt),
  ],
);

/** Opaque bearer tokens of the agent app, bound to one agent on one activated device. */
export const agentTokens = pgTable(
  'agent_tokens',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [
    uniqueIndex('agent_tokens_token_hash_key').on(t.tokenHash),
    index('agent_tokens_agent_idx').on(t.tenantId, t.agentId),
    index('agent_tokens_device_idx').on(t.deviceId),
  ],
);

/**
 * Login throttling counters, per account and per IP, shared by every API process. The key never
 * says whether an account exists (it is a hash of the submitted login and company).
 */
export const authThrottles = pgTable('auth_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: instant('window_started_at').notNull().defaultNow(),
  lockedUntil: instant('locked_until'),
  updatedAt: updatedAt(),
});

/** One-time links (invitation, password reset); only the SHA-256 of the token is stored. */
export const passwordTokens = pgTable(
  'password_tokens',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => webUsers.id, { onDelete: 'cascade' }),
    /** `invitation` or `reset`. */
    purpose: text('purpose').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('password_tokens_hash_key').on(t.tokenHash),
    index('password_tokens_user_idx').on(t.tenantId, t.userId),
  ],
);

/** The platform operators (above tenants): their own login, 2FA required. */
export const operators = pgTable(
  'operators',
  {
    id: id(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    totpSecretEncrypted: bytea('totp_secret_encrypted'),
    totpEnabledAt: instant('totp_enabled_at'),
    /** The 30-second step of the last code accepted: a code is never accepted twice (no replay). */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: instant('locked_until'),
    active: boolean('active').notNull().default(true),
    /**
     * SHA-256 of the one-time link that sets the password (`operator:create`); null once used.
     * Operators are above tenants, so the tenant-bound `password_tokens` cannot hold it.
     */
    passwordTokenHash: text('password_token_hash'),
    passwordTokenExpiresAt: instant('password_token_expires_at'),
    lastLoginAt: instant('last_login_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('operators_email_key').on(sql`lower(${t.email})`),
    uniqueIndex('operators_password_token_key').on(t.passwordTokenHash),
  ],
);

/**
 * Sessions of the operator console, apart from the tenants' `web_sessions`: another cookie, another
 * path, and no tenant. `stage` is `password` (the TOTP code is still due), `enrolment` (the first
 * login must set up the authenticator) or `signed_in`.
 */
export const operatorSessions = pgTable(
  'operator_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    csrfTokenHash: text('csrf_token_hash').notNull(),
    stage: text('stage').notNull(),
    createdAt: createdAt(),
    lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
    expiresAt: instant('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [
    index('operator_sessions_operator_idx').on(t.operatorId),
    index('operator_sessions_expiry_idx').on(t.expiresAt),
  ],
);

/** Per-user subscriptions to e-mail notifications (anomaly alerts, daily digest, ...). */
export const notificationSubscriptions = pgTable(
  'notification_subscriptions',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => webUsers.id, { onDelete: 'cascade' }),
    notificationType: text('notification_type').notNull(),
    /** Optional narrowing: only this site or client. */
    scope: jsonb('scope').$type<{ siteId?: string; clientId?: string }>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('notification_subscriptions_key').on(t.tenantId, t.userId, t.notificationType)],
);
