import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme';
import './styles.css';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './app/App';
import { ScreenLoading } from './app/ScreenLoading';
import { browserLanguage, createI18n } from './i18n/i18n';
import { I18nextProvider } from 'react-i18next';

const i18n = createI18n(browserLanguage());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <BrowserRouter>
        {/* The sign-in screens load lazily too; the signed-in screens have their own boundary in the Shell. */}
        <Suspense fallback={<ScreenLoading />}>
          <App />
        </Suspense>
      </BrowserRouter>
    </I18nextProvider>
  </StrictMode>,
);
