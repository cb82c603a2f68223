import { Navigate, Route, Routes } from 'react-router-dom';
import { ClientProvider, SessionProvider, useSession, type Session } from '../api/session';
import type { FamilybankClient } from '@familybank/api-client';
import { Shell } from './Shell';
import { CALLBACK_PATH } from '../auth/oidc';
import { AuditPage, Board, FamiliesPage, FamilyPage, FiguresPage, InboxPage, OpenRequest, PartnershipsPage, RegisterFamily, RequestPage, RequestsPage, SignedIn, SignIn, SupportPage, WebhooksPage, WorklistPage } from './screens';

export function App({ session, client }: { session?: Session; client?: FamilybankClient }) {
  return (
    <SessionProvider initial={session}>
      <ClientProvider client={client}>
        <Routes>
          <Route path="/sign-in" element={<SignIn />} />
          <Route path={CALLBACK_PATH} element={<SignedIn />} />
          <Route element={<Signed />}>
            <Route index element={<WorklistPage />} />
            <Route path="pipeline" element={<Board />} />
            <Route path="families" element={<FamiliesPage />} />
            <Route path="support" element={<SupportPage />} />
            <Route path="figures" element={<FiguresPage />} />
            <Route path="families/new" element={<RegisterFamily />} />
            <Route path="families/:familyId" element={<FamilyPage />} />
            <Route path="requests" element={<RequestsPage />} />
            <Route path="requests/new" element={<OpenRequest />} />
            <Route path="requests/:requestId" element={<RequestPage />} />
            <Route path="inbox" element={<InboxPage />} />
            <Route path="partnerships" element={<PartnershipsPage />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="webhooks" element={<WebhooksPage />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Route>
        </Routes>
      </ClientProvider>
    </SessionProvider>
  );
}

/** Every screen but the sign-in needs a session. */
function Signed() {
  const { session } = useSession();
  if (!session) return <Navigate to="/sign-in" replace />;
  return <Shell />;
}
