import type { Role } from '@ciao/domain';

/** Who is calling, established once per request by the authentication hook. */
export type Principal =
  | {
      kind: 'user';
      tenantId: string;
      tenantCode: string;
      userId: string;
      role: Role;
      sessionIdHash: string;
    }
  | { kind: 'device'; tenantId: string; tenantCode: string; deviceId: string }
  | {
      kind: 'agent';
      tenantId: string;
      tenantCode: string;
      agentId: string;
      deviceId: string;
      tokenId: string;
    }
  | { kind: 'apiKey'; tenantId: string; tenantCode: string; apiKeyId: string; scopes: string[] }
  | {
      kind: 'operator';
      operatorId: string;
      sessionIdHash: string;
      stage: 'password' | 'enrolment' | 'signed_in';
    };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}
