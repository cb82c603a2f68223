import { Navigate, Route, Routes } from 'react-router-dom';
import { ClientProvider, SessionProvider, useSession, type Session } from '../api/session';
import type { FamilybankClient } from '@familybank/api-client';
import { Shell } from './Shell';
import { SignIn } from '../screens/SignIn';
import { SignedIn } from '../auth/SignedIn';
import { CALLBACK_PATH } from '../auth/oidc';
import { Board } from '../screens/board/Board';
import { FamilyPage } from '../screens/family/FamilyPage';
import { RegisterFamily } from '../screens/family/RegisterFamily';
import { RequestsPage } from '../screens/requests/RequestsPage';
import { OpenRequest } from '../screens/requests/OpenRequest';
import { RequestPage } from '../screens/requests/RequestPage';
import { InboxPage } from '../screens/inbox/InboxPage';
import { PartnershipsPage } from '../screens/partnerships/PartnershipsPage';
import { WorklistPage } from '../screens/worklist/WorklistPage';
import { FamiliesPage } from '../screens/families/FamiliesPage';
import { SupportPage } from '../screens/support/SupportPage';
import { FiguresPage } from '../screens/figures/FiguresPage';
import { AuditPage } from '../screens/audit/AuditPage';
import { WebhooksPage } from '../screens/webhooks/WebhooksPage';

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
