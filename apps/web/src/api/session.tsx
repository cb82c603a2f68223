import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { createFamilybankClient, type FamilybankClient, type Schemas } from '@familybank/api-client';

export type Session = Schemas['DevSession'];
const STORAGE_KEY = 'familybank.session';

interface SessionState {
  session: Session | undefined;
  signIn(session: Session): void;
  signOut(): void;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

/** The token lives in sessionStorage: it survives a reload, not the closing of the tab. */
function storedSession(): Session | undefined {
  try {
    const session = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Session | null;
    return session && Date.parse(session.expiresAt) > Date.now() ? session : undefined;
  } catch {
    return undefined;
  }
}

export function SessionProvider({ children, initial }: { children: ReactNode; initial?: Session }) {
  const [session, setSession] = useState<Session | undefined>(() => initial ?? storedSession());
  const signIn = useCallback((next: Session) => {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    setSession(next);
  }, []);
  const signOut = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setSession(undefined);
  }, []);
  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The API's origin: the node that served the console (vite's dev server forwards /v1). */
export const apiBaseUrl = (): string => (typeof window === 'undefined' ? 'http://localhost' : window.location.origin);

const ClientContext = createContext<FamilybankClient | undefined>(undefined);

export function ClientProvider({ children, client }: { children: ReactNode; client?: FamilybankClient }) {
  const { session } = useSession();
  const token = session?.token ?? '';
  const value = useMemo(() => client ?? createFamilybankClient({ baseUrl: apiBaseUrl(), token }), [client, token]);
  return <ClientContext.Provider value={value}>{children}</ClientContext.Provider>;
}

/** The typed client of the API, with the signed-in caseworker's token: the console's only way to the server. */
export function useApi(): FamilybankClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useApi outside ClientProvider');
  return client;
}
