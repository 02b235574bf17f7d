import { companyCode, DomainError, languageSchema, parseEnterpriseNumber, type Language } from '@ciao/domain';
import { recordAudit } from '../audit/audit-repository.js';
import { findTenantByCode } from '../tenants/tenant-repository.js';
import type { PlatformContext } from './platform-context.js';
import { insertTenant } from './platform-repository.js';

export interface CreateTenantInput {
  code: string;
  name: string;
  enterpriseNumber?: string;
  language?: string;
}

function invalid(path: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `${path} ${message}`, {
    fieldErrors: [{ path, code: 'INVALID', message }],
  });
}

/** Creates a company (tenant): its code is the `@COMPANY` of its agents' logins, unique. */
export async function createTenant(ctx: PlatformContext, input: CreateTenantInput) {
  const code = companyCode.safeParse(input.code);
  if (!code.success) throw invalid('code', code.error.issues[0]?.message ?? 'is not valid');
  const name = input.name.trim();
  if (name.length < 2 || name.length > 200) throw invalid('name', 'must be 2 to 200 characters');
  let enterpriseNumber: string | null = null;
  if (input.enterpriseNumber) {
    const parsed = parseEnterpriseNumber(input.enterpriseNumber);
    if (!parsed.ok) throw invalid('enterprise-number', parsed.message);
    enterpriseNumber = parsed.value;
  }
  const language = languageSchema.safeParse(input.language ?? 'fr');
  if (!language.success) throw invalid('language', 'must be fr, nl, en or de');

  if (await findTenantByCode(ctx.db, code.data)) {
    throw new DomainError('CONFLICT', `A company with the code ${code.data} already exists.`);
  }
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const tenant = await insertTenant(tx, {
      code: code.data,
      name,
      enterpriseNumber,
      defaultLanguage: language.data satisfies Language,
      now,
    });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: ctx.actor,
      ...ctx.origin,
      action: 'tenant.created',
      entityType: 'tenant',
      entityId: tenant.id,
      after: { code: tenant.code, name, enterpriseNumber, language: language.data },
    });
    return tenant;
  });
}
