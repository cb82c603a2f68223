import { act, fireEvent, screen } from '@testing-library/react';
import type { Session } from '../api/session';
import { en } from '../i18n/locales/en';
import { renderWith, testSession } from '../testing/render';
import { RenewalRefused, type OidcConfig } from './oidc';
import { RETRY_MS, SessionRenewal, type RenewalEffects } from './SessionRenewal';

const config: OidcConfig = { mode: 'oidc', issuer: 'https://login.vejle.dk', clientId: 'familybank-console', scope: 'openid', resource: 'familybank-api', claims: { subject: 'sub', municipality: 'municipality', roles: 'roles' } };
// The test session's token is no JWT: it is renewed a minute before it expires, 9 minutes from "now".
const now = Date.parse(testSession.expiresAt) - 600_000;
const dueIn = 540_000;

function effects(renew: () => Promise<Session>, renewable = true) {
  const calls = { renew: 0, signInAgain: [] as Array<[OidcConfig, string]> };
  const fake: RenewalEffects = {
    renew: () => (calls.renew++, renew()),
    canRenew: () => renewable,
    signInAgain: async (...args) => void calls.signInAgain.push(args),
    config: () => config,
    now: () => now,
  };
  return { fake, calls };
}

const advance = (ms: number) => act(async () => void jest.advanceTimersByTime(ms));

beforeEach(() => {
  jest.useFakeTimers();
  sessionStorage.clear();
});
afterEach(() => jest.useRealTimers());

describe('keeping the sign-in alive', () => {
  it('renews shortly before the token expires, without the user, and uses the new token from then on', async () => {
    const { fake, calls } = effects(async () => ({ ...testSession, token: 'renewed' }));
    renderWith(<SessionRenewal effects={fake} />);
    await advance(dueIn - 1);
    expect(calls.renew).toBe(0);
    await advance(1);
    expect(calls.renew).toBe(1);
    expect(JSON.parse(sessionStorage.getItem('familybank.session')!)).toMatchObject({ token: 'renewed' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('when the provider refuses, the page stays with what was typed and offers a sign-in that comes back here', async () => {
    const { fake, calls } = effects(() => Promise.reject(new RenewalRefused('invalid_grant')));
    renderWith(
      <>
        <label>
          Notes <textarea defaultValue="typed before the renewal failed" />
        </label>
        <SessionRenewal effects={fake} />
      </>,
    );
    await advance(dueIn);
    expect(screen.getByRole('alert').textContent).toContain(en.shell.renewalFailed);
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('typed before the renewal failed');
    fireEvent.click(screen.getByRole('button', { name: en.shell.signInAgain }));
    expect(calls.signInAgain).toEqual([[config, '/']]);
    await advance(RETRY_MS * 10);
    expect(calls.renew).toBe(1);
  });

  it('a network failure is tried again while the token is still valid, without bothering the user', async () => {
    let attempts = 0;
    const { fake, calls } = effects(() => (++attempts === 1 ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve({ ...testSession, token: 'renewed' })));
    renderWith(<SessionRenewal effects={fake} />);
    await advance(dueIn);
    expect(calls.renew).toBe(1);
    expect(screen.queryByRole('alert')).toBeNull();
    await advance(RETRY_MS);
    expect(calls.renew).toBe(2);
    expect(JSON.parse(sessionStorage.getItem('familybank.session')!)).toMatchObject({ token: 'renewed' });
  });

  it('a sign-in without a refresh token (the development sign-in) is left alone', async () => {
    const { fake, calls } = effects(async () => testSession, false);
    renderWith(<SessionRenewal effects={fake} />);
    await advance(dueIn * 2);
    expect(calls.renew).toBe(0);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
