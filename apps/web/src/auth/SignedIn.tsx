import { Alert, Button, Heading, Spinner } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../api/session';
import { completeSignIn, type SignedInResult } from './oidc';

/** The redirect URI: the provider sends the browser here with the code, which is exchanged once for the access token. */
export function SignedIn({ complete = completeSignIn }: { complete?: (search: string) => Promise<SignedInResult> }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string>();
  // A code is single-use: a second run of the effect (React's strict mode) must not send it again.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    complete(search).then(
      ({ session, returnTo }) => {
        signIn(session);
        navigate(returnTo, { replace: true });
      },
      (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)),
    );
  }, [complete, search, signIn, navigate]);
  return (
    <main id="main" className="fb-main">
      <div className="fb-stack" style={{ maxWidth: '40rem' }}>
        <Heading level={1} data-size="lg">
          {t('signIn.oidcTitle')}
        </Heading>
        {failure ? (
          <>
            <Alert data-color="danger" role="alert" data-size="sm">
              {t('signIn.failed', { reason: failure })}
            </Alert>
            <div>
              <Button asChild variant="secondary">
                <Link to="/sign-in">{t('signIn.again')}</Link>
              </Button>
            </div>
          </>
        ) : (
          <Spinner aria-label={t('signIn.completing')} />
        )}
      </div>
    </main>
  );
}
