// The clients ONSS lets request tokens. In production an employer's access manager activates a
// REST channel in Chaman by uploading an X.509 certificate; the simulator takes that certificate or
// the bare public key, registered through the admin API.
import { importSPKI, importX509, type CryptoKey } from 'jose';

export interface ClientRegistration {
  clientId: string;
  /** PEM of an SPKI public key (`-----BEGIN PUBLIC KEY-----`). */
  publicKeyPem?: string;
  /** PEM of an X.509 certificate (`-----BEGIN CERTIFICATE-----`), as uploaded in Chaman. */
  certificatePem?: string;
}

export interface RegisteredClient {
  clientId: string;
  keySource: 'public-key' | 'certificate';
  key: CryptoKey;
  registeredAt: string;
}

export class ClientRegistrationError extends Error {}

const CERTIFICATE_HEADER = '-----BEGIN CERTIFICATE-----';

export class ClientRegistry {
  private readonly clients = new Map<string, RegisteredClient>();

  /** Adds a client or replaces its key (a renewed certificate). */
  async register(registration: ClientRegistration, now: Date): Promise<RegisteredClient> {
    const pem = (registration.certificatePem ?? registration.publicKeyPem ?? '').trim();
    if (pem === '') throw new ClientRegistrationError('Give publicKeyPem or certificatePem.');
    const isCertificate = pem.startsWith(CERTIFICATE_HEADER);
    let key: CryptoKey;
    try {
      // Socsec signs and verifies client assertions with RS256 only.
      key = isCertificate ? await importX509(pem, 'RS256') : await importSPKI(pem, 'RS256');
    } catch (error) {
      throw new ClientRegistrationError(
        `The ${isCertificate ? 'certificate' : 'public key'} PEM could not be read as an RSA key: ${(error as Error).message}`,
      );
    }
    const client: RegisteredClient = {
      clientId: registration.clientId,
      keySource: isCertificate ? 'certificate' : 'public-key',
      key,
      registeredAt: now.toISOString(),
    };
    this.clients.set(client.clientId, client);
    return client;
  }

  get(clientId: string): RegisteredClient | undefined {
    return this.clients.get(clientId);
  }

  list(): RegisteredClient[] {
    return [...this.clients.values()];
  }

  clear(): void {
    this.clients.clear();
  }
}
