import type { AgentProfile } from '@ciao/domain';

/** What this phone keeps between launches: who it is, which company, who is signed in. */
export interface StoredSession {
  deviceToken?: string;
  company?: { code: string; name: string };
  agentToken?: string;
  agent?: AgentProfile;
}

const INSTALLATION_KEY = 'ciao.installationId';
const SESSION_KEY = 'ciao.session';
const GEO_EXPLAINED_KEY = 'ciao.geolocationExplained';

/** Made once at the first launch and kept: activating again with it rotates this phone's token. */
export function installationId(): string {
  let id = localStorage.getItem(INSTALLATION_KEY);
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem(INSTALLATION_KEY, id);
  }
  return id;
}

export function readSession(): StoredSession {
  try {
    const raw = localStorage.getItem(SESSION_KEY);
    return raw ? (JSON.parse(raw) as StoredSession) : {};
  } catch {
    return {};
  }
}

export function writeSession(session: StoredSession): void {
  localStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function geolocationExplained(): boolean {
  return localStorage.getItem(GEO_EXPLAINED_KEY) === 'yes';
}

export function markGeolocationExplained(): void {
  localStorage.setItem(GEO_EXPLAINED_KEY, 'yes');
}

/** The platform the server records for this device: the PWA guesses it from the user agent. */
export function devicePlatform(): 'ios' | 'android' | 'web' {
  const agent = navigator.userAgent;
  if (/android/i.test(agent)) return 'android';
  if (/iphone|ipad|ipod/i.test(agent)) return 'ios';
  return 'web';
}
