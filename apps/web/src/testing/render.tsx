import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import type { FamilybankClient } from '@familybank/api-client';
import { ClientProvider, SessionProvider, type Session } from '../api/session';
import { createI18n, type Language } from '../i18n/i18n';
import { daProblems } from '../i18n/locales/problems.da';
import { enProblems } from '../i18n/locales/problems.en';
import { svProblems } from '../i18n/locales/problems.sv';

/** Loaded up front in tests, so a screen does not render again (outside act) when they arrive. */
const PROBLEM_TEXTS = { da: daProblems, en: enProblems, sv: svProblems };

export const testSession: Session = {
  token: 't',
  municipality: '0630',
  municipalityName: 'Vejle',
  roles: ['caseworker', 'approver'],
  subject: 'anna',
  expiresAt: '2099-01-01T00:00:00.000Z',
};

/** Renders inside the providers the console's screens expect: language, session, client, router. */
export function renderWith(ui: ReactElement, options: { language?: Language; client?: FamilybankClient } = {}) {
  return render(
    <I18nextProvider i18n={createI18n(options.language ?? 'en', { problemTexts: PROBLEM_TEXTS })}>
      <SessionProvider initial={testSession}>
        <ClientProvider client={options.client ?? ({} as FamilybankClient)}>
          <MemoryRouter>{ui}</MemoryRouter>
        </ClientProvider>
      </SessionProvider>
    </I18nextProvider>,
  );
}
