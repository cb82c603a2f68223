import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startSignIn, type OidcConfig } from './oidc';

/** One button: the browser leaves for the municipality's login and comes back to /signed-in. */
export function ProviderSignIn({ config, start = startSignIn }: { config: OidcConfig; start?: (config: OidcConfig) => Promise<void> }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const signIn = () => {
    setBusy(true);
    setFailure(undefined);
    start(config).catch((error: unknown) => {
      setFailure(error instanceof Error ? error.message : String(error));
      setBusy(false);
    });
  };
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('signIn.oidcTitle')}
      </Heading>
      <Paragraph>{t('signIn.oidcIntro')}</Paragraph>
      {failure ? (
        <Alert data-color="danger" role="alert" data-size="sm">
          {t('signIn.failed', { reason: failure })}
        </Alert>
      ) : null}
      <div>
        <Button onClick={signIn} disabled={busy} aria-busy={busy}>
          {t('signIn.oidcButton')}
        </Button>
      </div>
    </>
  );
}
