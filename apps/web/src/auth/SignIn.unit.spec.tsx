import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FamilybankClient } from '@familybank/api-client';
import { en } from '../i18n/locales/en';
import { SignIn } from '../screens/SignIn';
import { renderWith } from '../testing/render';
import { ProviderSignIn } from './ProviderSignIn';
import type { OidcConfig } from './oidc';

const oidc: OidcConfig = { mode: 'oidc', issuer: 'https://login.vejle.dk', clientId: 'familybank-console', scope: 'openid', resource: 'familybank-api', claims: { subject: 'sub', municipality: 'municipality', roles: 'roles' } };
const devOptions = { municipalities: [{ code: '0630', name: 'Vejle' }], roles: ['caseworker', 'approver'] };

/** A client answering the sign-in's two reads, recording which paths were asked. */
function clientAnswering(config: object) {
  const asked: string[] = [];
  const answer = (data: object) => Promise.resolve({ data, response: { status: 200 } as Response });
  const client = { GET: (path: string) => (asked.push(path), answer(path === '/v1/sign-in/config' ? config : devOptions)) } as unknown as FamilybankClient;
  return { client, asked };
}

describe('the sign-in screen', () => {
  it('with an identity provider: one button to the municipality’s login, and the development sign-in is not even asked for', async () => {
    const { client, asked } = clientAnswering(oidc);
    renderWith(<SignIn />, { client });
    await screen.findByRole('button', { name: en.signIn.oidcButton });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(en.signIn.oidcTitle);
    expect(screen.queryByLabelText(en.fields.municipality)).toBeNull();
    expect(asked).toEqual(['/v1/sign-in/config']);
  });

  it('in development: the development sign-in with its municipalities', async () => {
    const { client, asked } = clientAnswering({ mode: 'development' });
    renderWith(<SignIn />, { client });
    await screen.findByRole('heading', { name: en.signIn.title });
    await waitFor(() => expect(screen.getByLabelText(en.fields.municipality)).toBeTruthy());
    expect(screen.queryByRole('button', { name: en.signIn.oidcButton })).toBeNull();
    expect(asked).toEqual(['/v1/sign-in/config', '/v1/dev/session']);
  });

  it('the button starts the sign-in with the node’s configuration, and shows why it could not', async () => {
    const started: OidcConfig[] = [];
    const start = async (config: OidcConfig) => {
      started.push(config);
      throw new Error('provider unreachable');
    };
    renderWith(<ProviderSignIn config={oidc} start={start} />);
    await userEvent.click(screen.getByRole('button', { name: en.signIn.oidcButton }));
    expect(started).toEqual([oidc]);
    expect((await screen.findByRole('alert')).textContent).toContain('provider unreachable');
  });
});
