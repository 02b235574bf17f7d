import path from 'node:path';
import { z } from 'zod';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => ['true', '1', 'yes'].includes(value));

const port = (fallback: number) =>
  z.coerce
    .number({ message: 'must be a port number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(fallback);

const wholeNumber = (unit: string, min: number, max: number) =>
  z.coerce
    .number({ message: `must be a number of ${unit}` })
    .int('must be a whole number')
    .min(min, `must be at least ${min} ${unit}`)
    .max(max, `must be at most ${max} ${unit}`);

/** Every environment variable the server reads, with its default and the rule it must follow. */
const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port(3000),
  PUBLIC_URL: z.url({ message: 'must be a full URL such as https://ciao.example.be' }).optional(),
  LOG_LEVEL: z.enum(logLevels, { message: `must be one of ${logLevels.join(', ')}` }).default('info'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/[^\s]+$/, 'must look like postgres://user:password@host:5432/database')
    .refine((value) => URL.canParse(value), 'is not a valid URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  SECRET_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (32 random bytes: openssl rand -hex 32)')
    .optional(),
  DEMO_DATA: z.enum(['auto', 'on', 'off'], { message: 'must be auto, on or off' }).default('auto'),
  ONSS_SIMULATOR: z.enum(['auto', 'on', 'off'], { message: 'must be auto, on or off' }).default('auto'),
  ONSS_SIMULATOR_PORT: port(3900),
  /** Where tenants in the `simulator` environment send; default: the simulator this server starts. */
  ONSS_SIMULATOR_URL: z.url({ message: 'must be a full URL such as http://127.0.0.1:3900' }).optional(),
  /**
   * How long the ONSS worker's claim on a registration lasts: a process that dies mid-call leaves its
   * rows to another pass after this (which first asks ONSS whether the call got through).
   */
  ONSS_CLAIM_SECONDS: z.coerce
    .number({ message: 'must be a number of seconds' })
    .int()
    .min(5, 'must be at least 5 (longer than an ONSS call)')
    .default(120),
  /**
   * Groups of registrations written at once (PostgreSQL; group commit). Fewer, larger groups cost
   * less CPU per registration; more keep registrations flowing while one group waits on a lock.
   */
  CLOCK_WRITE_CONCURRENCY: z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(16, 'must be at most 16 (each group holds a database connection)')
    .default(2),
  TRUST_PROXY: booleanFlag.default(false),
  BODY_LIMIT_BYTES: z.coerce
    .number({ message: 'must be a number of bytes' })
    .int()
    .min(1024, 'must be at least 1024')
    .default(2 * 1024 * 1024),
  MINIMUM_AGENT_APP_VERSION: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/, 'must be a version such as 1.2.0')
    .default('0.1.0'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  SHUTDOWN_DRAIN_DELAY_MS: z.coerce
    .number({ message: 'must be a number of milliseconds' })
    .int()
    .min(0)
    .max(120_000)
    .default(0),
  SESSION_IDLE_MINUTES: z.coerce
    .number({ message: 'must be a number of minutes' })
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
  /** Outgoing e-mail; without it, messages are written to the server log (status `logged`). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must look like smtp://user:password@host:587 or smtps://host:465')
    .refine((value) => URL.canParse(value), 'is not a valid URL')
    .optional(),
  MAIL_FROM: z.string().trim().min(3, 'must be an address such as "ciao <no-reply@example.be>"').optional(),
  /** The bearer token Prometheus presents to `GET /metrics`; without it only localhost may scrape. */
  METRICS_TOKEN: z
    .string()
    .trim()
    .min(16, 'must be at least 16 characters (openssl rand -hex 16)')
    .optional(),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number({ message: 'must be a number of hours' })
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  // Retention (docs/operations.md, "Retention"): how long each kind of data is kept.
  RETENTION_JOB: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
  /** Europe/Brussels wall-clock time of the nightly run. */
  RETENTION_LOCAL_TIME: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 03:30')
    .default('03:30'),
  RETENTION_POSITION_MONTHS: wholeNumber('months', 1, 120).default(13),
  RETENTION_REGISTRATION_YEARS: wholeNumber('years', 5, 50).default(7),
  RETENTION_AUDIT_YEARS: wholeNumber('years', 5, 50).default(10),
  RETENTION_DELIVERY_DAYS: wholeNumber('days', 1, 3650).default(30),
  RETENTION_NOTIFICATION_DAYS: wholeNumber('days', 7, 3650).default(90),
  RETENTION_EXPORT_JOB_DAYS: wholeNumber('days', 1, 3650).default(30),
  RETENTION_EXPIRED_ACCESS_DAYS: wholeNumber('days', 1, 3650).default(30),
  RETENTION_BATCH_SIZE: wholeNumber('rows', 10, 100_000).default(1000),
});

export type ServerConfig = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof environmentSchema>) {
  return {
    environment: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicUrl: env.PUBLIC_URL,
    logLevel: env.LOG_LEVEL,
    database: env.DATABASE_URL
      ? ({ kind: 'postgres', url: env.DATABASE_URL } as const)
      : ({ kind: 'pglite', dataDir: path.resolve(env.DATA_DIR) } as const),
    dataDir: path.resolve(env.DATA_DIR),
    secretKeyHex: env.SECRET_KEY,
    demoData: env.DEMO_DATA,
    onssSimulator: {
      mode: env.ONSS_SIMULATOR,
      port: env.ONSS_SIMULATOR_PORT,
      url: env.ONSS_SIMULATOR_URL ?? `http://127.0.0.1:${env.ONSS_SIMULATOR_PORT}`,
    },
    onssClaimTtlMs: env.ONSS_CLAIM_SECONDS * 1000,
    clockWriteConcurrency: env.CLOCK_WRITE_CONCURRENCY,
    trustProxy: env.TRUST_PROXY,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    minimumAgentAppVersion: env.MINIMUM_AGENT_APP_VERSION,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    shutdownDrainDelayMs: env.SHUTDOWN_DRAIN_DELAY_MS,
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    metricsToken: env.METRICS_TOKEN,
    sessions: {
      idleMinutes: env.SESSION_IDLE_MINUTES,
      absoluteHours: env.SESSION_ABSOLUTE_HOURS,
      secureCookies: env.PUBLIC_URL?.startsWith('https://') ?? false,
    },
    retention: {
      enabled: env.RETENTION_JOB === 'on',
      localTime: env.RETENTION_LOCAL_TIME,
      policy: {
        positionMonths: env.RETENTION_POSITION_MONTHS,
        registrationYears: env.RETENTION_REGISTRATION_YEARS,
        auditYears: env.RETENTION_AUDIT_YEARS,
        deliveryDays: env.RETENTION_DELIVERY_DAYS,
        notificationDays: env.RETENTION_NOTIFICATION_DAYS,
        exportJobDays: env.RETENTION_EXPORT_JOB_DAYS,
        expiredAccessDays: env.RETENTION_EXPIRED_ACCESS_DAYS,
        batchSize: env.RETENTION_BATCH_SIZE,
      },
    },
  };
}

/** Raised at boot with every bad variable listed, so that one start fixes them all. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment once at boot. Empty strings count as unset, so `PORT=` keeps the default.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key in environmentSchema.shape && value !== ''),
  );
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = issue.path.join('.');
        const given = key in present ? ` (got "${redactForMessage(key, String(present[key]))}")` : '';
        return `${key} ${issue.message}${given}`;
      }),
    );
  }
  if (parsed.data.NODE_ENV === 'production' && parsed.data.DATABASE_URL && !parsed.data.SECRET_KEY) {
    throw new ConfigError([
      'SECRET_KEY is required in production with DATABASE_URL: it encrypts secrets at rest (openssl rand -hex 32)',
    ]);
  }
  if (parsed.data.SMTP_URL && !parsed.data.MAIL_FROM) {
    throw new ConfigError([
      'MAIL_FROM is required with SMTP_URL: the sender of ciao\'s e-mails, e.g. "ciao <no-reply@example.be>"',
    ]);
  }
  if (parsed.data.RETENTION_AUDIT_YEARS < parsed.data.RETENTION_REGISTRATION_YEARS) {
    throw new ConfigError([
      `RETENTION_AUDIT_YEARS (${parsed.data.RETENTION_AUDIT_YEARS}) must be at least RETENTION_REGISTRATION_YEARS (${parsed.data.RETENTION_REGISTRATION_YEARS}): the audit trail explains changes to the registrations, so it must outlive them`,
    ]);
  }
  return toConfig(parsed.data);
}

function redactForMessage(key: string, value: string): string {
  if (key === 'SECRET_KEY') return '<hidden>';
  if (key === 'SMTP_URL') return value.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:<hidden>@');
  if (key === 'DATABASE_URL') return value.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:<hidden>@');
  return value.length > 80 ? `${value.slice(0, 80)}…` : value;
}
