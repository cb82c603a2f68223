import { Button, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../api/session';
import { LanguageSwitch } from './LanguageSwitch';
import { navigationFor } from './navigation';
import { endProviderSession } from '../auth/oidc';
import { providerSession } from '../auth/provider-session';
import { SessionRenewal } from '../auth/SessionRenewal';
import { ScreenLoading } from './ScreenLoading';

/** Header (who is signed in, navigation, language), then the screen; focus moves to the screen on navigation. */
export function Shell() {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);
  return (
    <>
      <SkipLink href="#main">{t('nav.skip')}</SkipLink>
      <header className="fb-header">
        <div>
          <Paragraph data-size="lg">
            <strong>familybank</strong> · {session?.municipalityName ?? session?.municipality} ({session?.municipality})
          </Paragraph>
          <Paragraph data-size="sm">
            {session?.subject} · {session?.roles.map((role) => t(`roles.${role}`)).join(', ')}
          </Paragraph>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            {navigationFor(session?.roles ?? []).map(([to, key]) => (
              <li key={to}>
                <NavLink to={to} end={to === '/'}>
                  {t(key)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="fb-header-tools">
          <LanguageSwitch />
          <Button
            variant="secondary"
            data-size="sm"
            onClick={() => {
              signOut();
              // Signed in at a provider: its session ends too (it comes back to the sign-in); else a local sign-out.
              if (!endProviderSession()) navigate('/sign-in');
            }}
          >
            {providerSession(sessionStorage) ? t('shell.signOut') : t('nav.switch')}
          </Button>
        </div>
      </header>
      <SessionRenewal />
      <main id="main" ref={main} tabIndex={-1} className="fb-main">
        <Suspense fallback={<ScreenLoading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}

