import { describe, expect, it } from 'vitest';
import { RequestError } from '../../../lib/fetch-json';
import { renderInEnglish } from '../../../testing/render-in-english';
import { ServerStateNotice } from './server-state-notice';

const styles = {
  box: 'box',
  headline: 'headline',
  icon: 'icon',
  reason: 'reason',
  tones: {
    ready: 'tone-ready',
    'not-ready': 'tone-not-ready',
    unreachable: 'tone-down',
    checking: 'tone-wait',
  },
};

describe('ServerStateNotice', () => {
  it("says the state in words, in a live region styled by the app's tone for it", () => {
    const html = renderInEnglish(<ServerStateNotice state={{ kind: 'ready', checks: [] }} styles={styles} />);
    expect(html).toMatch(/^<div role="status" class="box tone-ready"><p class="headline"><svg class="icon /);
    expect(html).toContain('The server is reachable and ready.');
  });

  it('gives the reason when the server cannot be reached', () => {
    const state = { kind: 'unreachable', error: new RequestError('network', 'refused') } as const;
    const html = renderInEnglish(<ServerStateNotice state={state} styles={styles} />);
    expect(html).toContain('The server cannot be reached.</p><p class="reason">');
    expect(html).toContain('Check the network connection and try again.');
  });

  it('spins its icon while checking', () => {
    const html = renderInEnglish(<ServerStateNotice state={{ kind: 'checking' }} styles={styles} />);
    expect(html).toContain('Checking the server…');
    expect(html).toContain('animate-spin');
  });
});
