import { DomainError, mobileLoginExample, parseMobileLogin } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import { hashPassword, needsRehash, verifyPassword } from '../../security/passwords.js';
import { randomToken, sha256Hex } from '../../security/tokens.js';
import { recordAudit } from '../audit/audit-repository.js';
import {
  assertNotThrottled,
  clearAccountThrottle,
  recordFailedAttempt,
  throttleKeys,
} from '../auth/login-throttle.js';
import { touchDevice } from '../licences/device-repository.js';
import { findAgentForSignIn, findCompany, rehashAgentPassword } from './agent-account-repository.js';
import { isAgentActiveOn, localDate } from './agent-activity.js';
import { insertAgentToken, revokeDeviceAgentTokens } from './agent-token-repository.js';

// Verifying against this hash when there is nothing to verify keeps the answer's timing the same:
// the response time must not reveal whether an identifier exists.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword('ciao agent decoy password, never matches'));

const wrongCredentials = 'The identifier or the password is wrong.';

export interface AgentSignInInput {
  /** The device the request came with (its token), and therefore the company. */
  tenantId: string;
  deviceId: string;
  login: string;
  password: string;
  ip: string;
  requestId: string;
}

type Refusal = 'INVALID_CREDENTIALS' | 'AGENT_NO_APP_ACCESS' | 'AGENT_INACTIVE';

/**
 * Signs an agent in on an activated device with `IDENTIFIER@COMPANY` and the mobile password, and
 * returns an agent token bound to that agent and that device (shown once, kept hashed).
 *
 * The order of the checks decides what a refusal reveals:
 * 1. the form of the login, then its company against the device's: both answered from the text
 *    alone and the device's own company, so they reveal nothing about agents (and are not counted);
 * 2. the throttling (per account `IDENTIFIER@COMPANY` and per IP), before any lookup;
 * 3. one argon2 verification, always (against a decoy hash when there is no agent or no password):
 *    every answer past this point takes the same time;
 * 4. unknown identifier or wrong password: the same generic INVALID_CREDENTIALS, counted. A wrong
 *    password never says whether the agent is inactive or lacks app access;
 * 5. an agent with no mobile password at all: AGENT_NO_APP_ACCESS (counted), as the issue requires
 *    ("set a mobile password"). This does say that the identifier exists, but only to someone who
 *    holds an activated phone of that company, throttled and audited;
 * 6. only with the right password: AGENT_INACTIVE (record inactive, or today outside its active
 *    dates in the company's time zone), then AGENT_NO_APP_ACCESS (the "agent app" box unticked).
 *    The password was right, so these are not counted as attacks.
 */
export async function signInAgent(ctx: AppContext, input: AgentSignInInput) {
  const now = ctx.now();
  const company = await findCompany(ctx.db, input.tenantId);
  if (!company) throw new DomainError('DEVICE_NOT_ACTIVATED', 'This device is not activated.');
  const companyCode = company.code.toUpperCase();
  const example = mobileLoginExample(companyCode);

  const parsed = parseMobileLogin(input.login);
  if (!parsed.ok) {
    throw new DomainError(
      'MOBILE_LOGIN_FORMAT',
      `Type your identifier followed by @${companyCode}, for example ${example}.`,
      {
        details: { example, companyCode },
        fieldErrors: [{ path: 'login', code: 'MOBILE_LOGIN_FORMAT', message: `looks like ${example}` }],
      },
    );
  }
  const { identifier } = parsed.value;
  if (parsed.value.companyCode !== companyCode) {
    throw new DomainError(
      'MOBILE_COMPANY_MISMATCH',
      `This phone is activated for company ${companyCode}: type your identifier followed by @${companyCode}, ` +
        `for example ${example}.`,
      { details: { example, companyCode } },
    );
  }

  const keys = throttleKeys('agent', companyCode, identifier, input.ip);
  await assertNotThrottled(ctx.db, keys, now);

  const found = await findAgentForSignIn(ctx.db, company.id, identifier);
  const storedHash = found?.agent.mobilePasswordHash ?? null;
  const passwordOk = await verifyPassword(storedHash ?? (await decoy()), input.password);

  const refuse = async (reason: Refusal, counted: boolean): Promise<never> => {
    if (counted) await recordFailedAttempt(ctx.db, keys, now);
    await recordAudit(ctx.db, {
      tenantId: company.id,
      actor: found ? { type: 'agent', id: found.agent.id } : { type: 'anonymous' },
      action: 'agent.sign_in_failed',
      entityType: 'agent',
      entityId: found?.agent.id,
      after: { login: `${identifier}@${companyCode}`, reason, deviceId: input.deviceId },
      ip: input.ip,
      requestId: input.requestId,
    });
    if (reason === 'AGENT_INACTIVE')
      throw new DomainError('AGENT_INACTIVE', 'Your agent account is inactive. Contact your manager.');
    if (reason === 'AGENT_NO_APP_ACCESS')
      throw new DomainError(
        'AGENT_NO_APP_ACCESS',
        'Your agent account cannot use the agent app yet: ask your manager to tick “Agent app” and to set a ' +
          'mobile password on your agent record.',
      );
    throw new DomainError('INVALID_CREDENTIALS', wrongCredentials);
  };

  if (!found) return refuse('INVALID_CREDENTIALS', true);
  if (!storedHash) return refuse('AGENT_NO_APP_ACCESS', true);
  if (!passwordOk) return refuse('INVALID_CREDENTIALS', true);
  const { agent } = found;
  if (!isAgentActiveOn(agent, localDate(now, company.timeZone))) return refuse('AGENT_INACTIVE', false);
  if (!agent.mobileAccess) return refuse('AGENT_NO_APP_ACCESS', false);

  const agentToken = randomToken();
  const rehashed = needsRehash(storedHash) ? await hashPassword(input.password) : undefined;
  await ctx.db.transaction(async (tx) => {
    // One live token per agent and device: a new sign-in replaces the one the app lost.
    await revokeDeviceAgentTokens(tx, company.id, input.deviceId, now, agent.id);
    await insertAgentToken(tx, {
      tenantId: company.id,
      agentId: agent.id,
      deviceId: input.deviceId,
      tokenHash: sha256Hex(agentToken),
      now,
    });
    if (rehashed) await rehashAgentPassword(tx, company.id, agent.id, { from: storedHash, to: rehashed });
    await touchDevice(tx, input.deviceId, now);
    await recordAudit(tx, {
      tenantId: company.id,
      actor: { type: 'agent', id: agent.id },
      action: 'agent.signed_in',
      entityType: 'agent',
      entityId: agent.id,
      after: { deviceId: input.deviceId },
      ip: input.ip,
      requestId: input.requestId,
    });
  });
  await clearAccountThrottle(ctx.db, keys);
  return {
    agentToken,
    agent: {
      id: agent.id,
      identifier: agent.identifier,
      firstName: agent.firstName,
      lastName: agent.lastName,
      language: agent.language,
    },
    company: { code: company.code, name: company.name },
  };
}
