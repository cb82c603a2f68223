import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { useSession } from '../api/session';
import { saveDrafts } from '../forms/drafts';
import { canRenew as canRenewHere, renewSession, RenewalRefused, startSignIn, type OidcConfig } from './oidc';
import { providerSession, renewalDelay } from './provider-session';

/** A renewal that failed on the network is tried again this much later, while the token is still valid. */
export const RETRY_MS = 10_000;

export interface RenewalEffects {
  renew(): Promise<Awaited<ReturnType<typeof renewSession>>>;
  canRenew(): boolean;
  signInAgain(config: OidcConfig, returnTo: string): Promise<void>;
  config(): OidcConfig | undefined;
  now(): number;
}

const realEffects: RenewalEffects = {
  renew: () => renewSession(),
  canRenew: () => canRenewHere(),
  signInAgain: (config, returnTo) => {
    // The forms' contents go along (sessionStorage) and are back when the sign-in returns to this page.
    saveDrafts(returnTo);
    return startSignIn(config, undefined, returnTo);
  },
  config: () => providerSession(sessionStorage)?.config,
  now: () => Date.now(),
};

/**
 * Keeps a provider sign-in alive: renews the access token with the refresh token before it
 * expires, without the user noticing. When the provider refuses (the refresh token expired or its
 * session ended), the screen stays as it is, with what was typed, and a message offers to sign in
 * again; the sign-in comes back to this page, and its forms get back what was typed in them. Renders nothing while all is well, and nothing at all
 * for a sign-in without a refresh token (the development sign-in).
 */
export function SessionRenewal({ effects = realEffects }: { effects?: RenewalEffects }) {
  const { t } = useTranslation();
  const { session, signIn } = useSession();
  const location = useLocation();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!session || failed || !effects.canRenew()) return;
    let timer: ReturnType<typeof setTimeout>;
    let current = true;
    const attempt = () => {
      effects.renew().then(
        (renewed) => current && signIn(renewed),
        (error: unknown) => {
          if (!current) return;
          const stillValid = Date.parse(session.expiresAt) - effects.now() > RETRY_MS;
          if (error instanceof RenewalRefused || !stillValid) setFailed(true);
          else timer = setTimeout(attempt, RETRY_MS);
        },
      );
    };
    timer = setTimeout(attempt, renewalDelay(session.token, session.expiresAt, effects.now()));
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [session, failed, effects, signIn]);

  if (!failed) return null;
  const config = effects.config();
  return (
    <Alert data-color="warning" role="alert" data-size="sm" className="fb-renewal">
      <Paragraph data-size="sm">{t('shell.renewalFailed')}</Paragraph>
      {config ? (
        <Button
          data-size="sm"
          disabled={busy}
          aria-busy={busy}
          onClick={() => {
            setBusy(true);
            effects.signInAgain(config, `${location.pathname}${location.search}`).catch(() => setBusy(false));
          }}
        >
          {t('shell.signInAgain')}
        </Button>
      ) : null}
    </Alert>
  );
}
