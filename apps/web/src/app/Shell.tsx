import { Button, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../api/session';
import { LanguageSwitch } from './LanguageSwitch';

const NAV = [
  ['/', 'nav.worklist'],
  ['/pipeline', 'nav.pipeline'],
  ['/families', 'nav.families'],
  ['/requests', 'nav.requests'],
  ['/inbox', 'nav.inbox'],
  ['/support', 'nav.support'],
  ['/figures', 'nav.figures'],
  ['/partnerships', 'nav.partnerships'],
] as const;

/** Screens only some roles can use, shown in the navigation only to them (the API refuses the others anyway). */
const ROLE_NAV = [
  ['/audit', 'audit.nav', ['auditor']],
  ['/webhooks', 'webhooks.nav', ['approver', 'administrator']],
] as const;

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
            {[...NAV, ...ROLE_NAV.filter(([, , roles]) => session?.roles.some((role) => (roles as readonly string[]).includes(role)))].map(([to, key]) => (
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
              navigate('/sign-in');
            }}
          >
            {t('nav.switch')}
          </Button>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="fb-main">
        <Outlet />
      </main>
    </>
  );
}

