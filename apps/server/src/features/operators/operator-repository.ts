import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { operators, operatorSessions } from '../../db/schema/index.js';

export type OperatorRow = typeof operators.$inferSelect;
export type OperatorStage = 'password' | 'enrolment' | 'signed_in';

export async function findOperatorByEmail(db: Db, email: string): Promise<OperatorRow | undefined> {
  const [row] = await db
    .select()
    .from(operators)
    .where(sql`lower(${operators.email}) = lower(${email.trim()})`)
    .limit(1);
  return row;
}

export async function findOperator(db: Db, operatorId: string): Promise<OperatorRow | undefined> {
  const [row] = await db.select().from(operators).where(eq(operators.id, operatorId)).limit(1);
  return row;
}

export async function findOperatorByPasswordToken(
  db: Db,
  tokenHash: string,
): Promise<OperatorRow | undefined> {
  const [row] = await db.select().from(operators).where(eq(operators.passwordTokenHash, tokenHash)).limit(1);
  return row;
}

export async function insertOperator(
  db: Db,
  values: {
    email: string;
    displayName: string;
    passwordHash?: string | null;
    totpSecretEncrypted?: Buffer | null;
    totpEnabledAt?: Date | null;
    passwordTokenHash: string | null;
    passwordTokenExpiresAt: Date | null;
    now: Date;
  },
): Promise<OperatorRow> {
  const { now, ...rest } = values;
  const [row] = await db
    .insert(operators)
    .values({ ...rest, createdAt: now, updatedAt: now })
    .returning();
  if (!row) throw new Error('operator not inserted');
  return row;
}

export async function updateOperator(
  db: Db,
  operatorId: string,
  values: Partial<
    Pick<
      OperatorRow,
      | 'passwordHash'
      | 'totpSecretEncrypted'
      | 'totpEnabledAt'
      | 'totpLastStep'
      | 'passwordTokenHash'
      | 'passwordTokenExpiresAt'
      | 'lastLoginAt'
      | 'displayName'
      | 'active'
    >
  > & { now: Date },
) {
  const { now, ...rest } = values;
  await db
    .update(operators)
    .set({ ...rest, updatedAt: now })
    .where(eq(operators.id, operatorId));
}

/** Records an accepted TOTP step unless it (or a later one) was used already; true when recorded. */
export async function recordOperatorTotpStep(db: Db, operatorId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(operators)
    .set({ totpLastStep: step })
    .where(
      and(eq(operators.id, operatorId), or(isNull(operators.totpLastStep), lt(operators.totpLastStep, step))),
    )
    .returning({ id: operators.id });
  return rows.length === 1;
}

/** Single use: only one of two requests racing with one link gets the operator back. */
export async function consumeOperatorPasswordToken(db: Db, operatorId: string, tokenHash: string, now: Date) {
  const rows = await db
    .update(operators)
    .set({ passwordTokenHash: null, passwordTokenExpiresAt: null, updatedAt: now })
    .where(and(eq(operators.id, operatorId), eq(operators.passwordTokenHash, tokenHash)))
    .returning({ id: operators.id });
  return rows.length === 1;
}

export async function insertOperatorSession(
  db: Db,
  values: {
    idHash: string;
    operatorId: string;
    csrfTokenHash: string;
    stage: OperatorStage;
    expiresAt: Date;
    now: Date;
    ip: string;
    userAgent: string | undefined;
  },
) {
  await db.insert(operatorSessions).values({
    idHash: values.idHash,
    operatorId: values.operatorId,
    csrfTokenHash: values.csrfTokenHash,
    stage: values.stage,
    createdAt: values.now,
    lastSeenAt: values.now,
    expiresAt: values.expiresAt,
    ip: values.ip,
    userAgent: values.userAgent?.slice(0, 300) ?? null,
  });
}

/** The live session with its operator, or undefined. */
export async function findOperatorSession(db: Db, idHash: string) {
  const [row] = await db
    .select({
      session: operatorSessions,
      operator: {
        id: operators.id,
        email: operators.email,
        displayName: operators.displayName,
        active: operators.active,
      },
    })
    .from(operatorSessions)
    .innerJoin(operators, eq(operators.id, operatorSessions.operatorId))
    .where(and(eq(operatorSessions.idHash, idHash), isNull(operatorSessions.revokedAt)))
    .limit(1);
  return row;
}

export async function touchOperatorSession(db: Db, idHash: string, now: Date) {
  await db.update(operatorSessions).set({ lastSeenAt: now }).where(eq(operatorSessions.idHash, idHash));
}

export async function revokeOperatorSession(db: Db, idHash: string, now: Date) {
  await db
    .update(operatorSessions)
    .set({ revokedAt: now })
    .where(and(eq(operatorSessions.idHash, idHash), isNull(operatorSessions.revokedAt)));
}

export async function revokeOperatorSessions(db: Db, operatorId: string, now: Date) {
  await db
    .update(operatorSessions)
    .set({ revokedAt: now })
    .where(and(eq(operatorSessions.operatorId, operatorId), isNull(operatorSessions.revokedAt)));
}
