import { describe, expect, it } from 'vitest';
import { createHarness, TOKEN_URL } from '../test-harness.js';
import { createClientKeyPair, signClientAssertion } from '../testing.js';
import { OAUTH, PATHS } from '../wire.js';

const grant = (assertion: string) => ({
  grant_type: OAUTH.grantType,
  client_assertion_type: OAUTH.clientAssertionType,
  client_assertion: assertion,
});

describe('POST /REST/oauth/v5/token', () => {
  it('issues a bearer token for a valid RS256 client assertion, usable on the service', async () => {
    const onss = await createHarness();
    const response = await onss.tokenRequest({ ...grant(await onss.assertion()), scope: 'scope:presence' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'scope:presence' });
    expect(body.access_token).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    const search = await onss.get(
      `${PATHS.search}?startDate=2026-03-01&endDate=2026-03-02`,
      body.access_token,
    );
    expect(search.statusCode).toBe(200);
  });

  it('grants the default scope when none is asked', async () => {
    const onss = await createHarness();
    const response = await onss.tokenRequest(grant(await onss.assertion()));
    expect(response.json().scope).toBe(OAUTH.defaultScope);
  });

  // Generating an RSA key and a certificate is slow on a busy machine.
  it('accepts a client registered with an X.509 certificate', async () => {
    const onss = await createHarness();
    const { certificatePem, privateKey } = await selfSignedCertificate();
    const registered = await onss.admin('POST', '/admin/clients', {
      clientId: 'cert-client',
      certificatePem,
    });
    expect(registered.json()).toEqual({ clientId: 'cert-client', keySource: 'certificate' });

    const assertion = await signClientAssertion(privateKey, {
      clientId: 'cert-client',
      audience: TOKEN_URL,
      issuedAt: onss.clock.now(),
    });
    expect((await onss.tokenRequest(grant(assertion))).statusCode).toBe(200);
  }, 60_000);

  it('accepts as aud the token URL on the host the client called', async () => {
    const onss = await createHarness();
    const assertion = await onss.assertion({ audience: 'http://onss.internal:8080/REST/oauth/v5/token' });
    const response = await onss.tokenRequest(grant(assertion), { host: 'onss.internal:8080' });
    expect(response.statusCode).toBe(200);
  });

  it('refuses an assertion signed with another key', async () => {
    const onss = await createHarness();
    const other = await createClientKeyPair();
    const assertion = await signClientAssertion(other.privateKey, {
      clientId: onss.clientId,
      audience: TOKEN_URL,
      issuedAt: onss.clock.now(),
    });
    const response = await onss.tokenRequest(grant(assertion));
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      error: 'invalid_client',
      error_description: expect.stringMatching(/signature/),
    });
  });

  it('refuses an assertion whose aud is not this token URL', async () => {
    const onss = await createHarness();
    const assertion = await onss.assertion({ audience: 'https://elsewhere.example/REST/oauth/v5/token' });
    const response = await onss.tokenRequest(grant(assertion));
    expect(response.statusCode).toBe(401);
    expect(response.json().error_description).toMatch(/aud/);
  });

  it('refuses an expired assertion', async () => {
    const onss = await createHarness();
    const assertion = await onss.assertion({ lifetimeSeconds: 300 });
    onss.clock.advance(10 * 60_000);
    const response = await onss.tokenRequest(grant(assertion));
    expect(response.statusCode).toBe(401);
    expect(response.json().error_description).toMatch(/expired/);
  });

  it('refuses an assertion issued in the future or living longer than 10 minutes', async () => {
    const onss = await createHarness();
    const future = await onss.assertion({ issuedAt: new Date(onss.clock.now().getTime() + 5 * 60_000) });
    const futureResponse = await onss.tokenRequest(grant(future));
    expect(futureResponse.statusCode).toBe(401);
    expect(futureResponse.json().error_description).toMatch(/iat/);

    const longLived = await onss.assertion({ lifetimeSeconds: 3600 });
    const longResponse = await onss.tokenRequest(grant(longLived));
    expect(longResponse.statusCode).toBe(401);
    expect(longResponse.json().error_description).toMatch(/too long/);
  });

  it('refuses a replayed jti', async () => {
    const onss = await createHarness();
    const assertion = await onss.assertion({ jti: 'once-only' });
    expect((await onss.tokenRequest(grant(assertion))).statusCode).toBe(200);

    const replay = await onss.tokenRequest(grant(assertion));
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error_description).toMatch(/jti was already used/);

    const sameJtiNewAssertion = await onss.assertion({ jti: 'once-only' });
    expect((await onss.tokenRequest(grant(sameJtiNewAssertion))).statusCode).toBe(401);
  });

  it('refuses client secrets and HTTP Basic authentication', async () => {
    const onss = await createHarness();
    const secret = await onss.tokenRequest({
      grant_type: OAUTH.grantType,
      client_id: onss.clientId,
      client_secret: 's3cret',
    });
    expect(secret.statusCode).toBe(401);
    expect(secret.json().error).toBe('invalid_client');

    const basic = await onss.tokenRequest(grant(await onss.assertion()), {
      authorization: `Basic ${Buffer.from(`${onss.clientId}:s3cret`).toString('base64')}`,
    });
    expect(basic.statusCode).toBe(401);
    expect(basic.json().error).toBe('invalid_client');
  });

  it('refuses an unknown client', async () => {
    const onss = await createHarness();
    const stranger = await createClientKeyPair();
    const assertion = await signClientAssertion(stranger.privateKey, {
      clientId: 'nobody',
      audience: TOKEN_URL,
      issuedAt: onss.clock.now(),
    });
    const response = await onss.tokenRequest(grant(assertion));
    expect(response.statusCode).toBe(401);
    expect(response.json().error_description).toMatch(/No client "nobody"/);
  });

  it('refuses iss and sub that differ', async () => {
    const onss = await createHarness();
    const response = await onss.tokenRequest(grant(await onss.assertion({ subject: 'someone-else' })));
    expect(response.statusCode).toBe(401);
    expect(response.json().error_description).toMatch(/iss and sub/);
  });

  it('answers RFC 6749 errors for a wrong grant, a wrong assertion type or a JSON body', async () => {
    const onss = await createHarness();
    const assertion = await onss.assertion();

    const wrongGrant = await onss.tokenRequest({ ...grant(assertion), grant_type: 'password' });
    expect(wrongGrant.statusCode).toBe(400);
    expect(wrongGrant.json().error).toBe('unsupported_grant_type');

    const wrongType = await onss.tokenRequest({ ...grant(assertion), client_assertion_type: 'jwt' });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error).toBe('invalid_request');

    const json = await onss.app.inject({
      method: 'POST',
      url: '/REST/oauth/v5/token',
      payload: grant(assertion),
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().error).toBe('invalid_request');
  });
});

/** A throwaway self-signed certificate, made with the system openssl (as one would for Chaman). */
async function selfSignedCertificate() {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const { importPKCS8 } = await import('jose');
  const dir = mkdtempSync(path.join(tmpdir(), 'onss-cert-'));
  try {
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=ciao test client',
      ],
      { stdio: 'ignore' },
    );
    const privateKey = await importPKCS8(readFileSync(key, 'utf8'), 'RS256');
    return { certificatePem: readFileSync(cert, 'utf8'), privateKey };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
