import { Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { DevSessionBody } from '@familybank/contracts';
import { unwrap } from '@familybank/api-client';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useLoad } from '../api/hooks';
import { useApi, useSession } from '../api/session';
import { FailureMessage } from '../components/Outcome';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { StepForm } from '../forms/StepForm';
import { ProviderSignIn } from '../auth/ProviderSignIn';

/**
 * The sign-in the node asks for (GET /v1/sign-in/config): its municipality's identity provider
 * (OpenID Connect, authorization code + PKCE), or, in development, the development sign-in.
 */
export function SignIn() {
  const { t } = useTranslation();
  const api = useApi();
  const config = useLoad(() => unwrap(api.GET('/v1/sign-in/config', {})), [api]);
  return (
    <main id="main" className="fb-main">
      <div className="fb-stack" style={{ maxWidth: '40rem' }}>
        <LanguageSwitch />
        {config.failure ? <FailureMessage failure={config.failure} /> : null}
        {config.loading && !config.data ? <Spinner aria-label={t('outcome.loading')} /> : null}
        {config.data?.mode === 'oidc' ? <ProviderSignIn config={config.data} /> : null}
        {config.data?.mode === 'development' ? <DevelopmentSignIn /> : null}
      </div>
    </main>
  );
}

/** Choose a municipality and roles; the server issues a token only in development. */
function DevelopmentSignIn() {
  const { t } = useTranslation();
  const api = useApi();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const options = useLoad(() => unwrap(api.GET('/v1/dev/session', {})), [api]);
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('signIn.title')}
      </Heading>
      <Paragraph>{t('signIn.intro')}</Paragraph>
      {options.failure ? <FailureMessage failure={options.failure} /> : null}
      {options.loading && !options.data ? <Spinner aria-label={t('outcome.loading')} /> : null}
      {options.data ? (
        <StepForm
          label={t('signIn.title')}
          schema={DevSessionBody}
          initial={{ municipality: options.data.municipalities[0]?.code ?? '', roles: ['caseworker', 'approver'] }}
          fields={[
            { name: 'municipality', kind: 'select', options: options.data.municipalities.map((m) => m.code), optionText: Object.fromEntries(options.data.municipalities.map((m) => [m.code, `${m.name} (${m.code})`])) },
            { name: 'roles', kind: 'multi', options: options.data.roles, optionLabels: 'roles' },
            { name: 'subject', kind: 'text', description: 'signIn.subjectHelp' },
          ]}
          submitLabel={t('signIn.submit')}
          onSubmit={(body) => unwrap(api.POST('/v1/dev/session', { body: body as never }))}
          onDone={(session) => {
            signIn(session);
            navigate('/');
          }}
        />
      ) : null}
    </>
  );
}
