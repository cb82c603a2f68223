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

export function App({ session, client }: { session?: Session; client?: FamilybankClient }) {
  return (
    <SessionProvider initial={session}>
      <ClientProvider client={client}>
        <Routes>
          <Route path="/sign-in" element={<SignIn />} />
          <Route path={CALLBACK_PATH} element={<SignedIn />} />
          <Route element={<Signed />}>
            <Route index element={<Board />} />
            <Route path="families/new" element={<RegisterFamily />} />
            <Route path="families/:familyId" element={<FamilyPage />} />
            <Route path="requests" element={<RequestsPage />} />
            <Route path="requests/new" element={<OpenRequest />} />
            <Route path="requests/:requestId" element={<RequestPage />} />
            <Route path="inbox" element={<InboxPage />} />
            <Route path="partnerships" element={<PartnershipsPage />} />
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
