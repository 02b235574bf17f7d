import { afterEach, describe, expect, it, vi } from 'vitest';
import { UPDATE_CHECK_TIMEOUT_MS, updateApp } from './update-app';

function stubServiceWorker(registration: unknown) {
  const listeners: (() => void)[] = [];
  vi.stubGlobal('navigator', {
    serviceWorker: {
      getRegistration: () => Promise.resolve(registration),
      addEventListener: (_type: string, listener: () => void) => listeners.push(listener),
    },
  });
  return { changeController: () => listeners.forEach((listener) => listener()) };
}

describe('updateApp', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('reloads at once when no service worker is registered', async () => {
    stubServiceWorker(undefined);
    const reload = vi.fn();
    await updateApp(reload);
    expect(reload).toHaveBeenCalledOnce();
  });

  it('activates a waiting version, then reloads once it controls the page', async () => {
    const postMessage = vi.fn();
    const registration = { update: () => Promise.resolve(), waiting: { postMessage }, installing: null };
    const { changeController } = stubServiceWorker(registration);
    const reload = vi.fn();
    const done = updateApp(reload);
    await vi.waitFor(() => expect(postMessage).toHaveBeenCalledWith({ type: 'SKIP_WAITING' }));
    expect(reload).not.toHaveBeenCalled();
    changeController();
    await done;
    expect(reload).toHaveBeenCalledOnce();
  });

  it('gives up, without reloading, when the check never answers', async () => {
    vi.useFakeTimers();
    stubServiceWorker({ update: () => new Promise(() => undefined), waiting: null, installing: null });
    const reload = vi.fn();
    const done = updateApp(reload);
    const failed = expect(done).rejects.toThrow(`No answer within ${UPDATE_CHECK_TIMEOUT_MS} ms`);
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_TIMEOUT_MS);
    await failed;
    expect(reload).not.toHaveBeenCalled();
  });
});
