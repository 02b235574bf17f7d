import type { ChildProcess } from 'node:child_process';

/**
 * Waits until a process just spawned answers `url` with a success, polling every 100 ms; throws
 * (and kills it) when it exits first or does not answer within `attempts` polls.
 */
export async function waitUntilReady(child: ChildProcess, url: string, what: string, attempts = 300) {
  for (let attempt = 0; ; attempt += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (attempt >= attempts || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`${what} did not start (${url})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
