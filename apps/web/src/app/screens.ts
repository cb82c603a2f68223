import { lazy, type ComponentType } from 'react';

/**
 * Every screen is its own chunk, fetched when its route is first shown: the first paint loads only
 * the shell (React, the router, the texts, the session), so a caseworker on a slow municipal line
 * sees the console sooner. Each import() is written out, so the bundler sees one split point each.
 * Shown inside <Suspense> (App and Shell) with ScreenLoading as the fallback.
 */
function screen<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

export const SignIn = screen(() => import('../screens/SignIn'), 'SignIn');
export const SignedIn = screen(() => import('../auth/SignedIn'), 'SignedIn');
export const WorklistPage = screen(() => import('../screens/worklist/WorklistPage'), 'WorklistPage');
export const Board = screen(() => import('../screens/board/Board'), 'Board');
export const FamiliesPage = screen(() => import('../screens/families/FamiliesPage'), 'FamiliesPage');
export const SupportPage = screen(() => import('../screens/support/SupportPage'), 'SupportPage');
export const FiguresPage = screen(() => import('../screens/figures/FiguresPage'), 'FiguresPage');
export const RegisterFamily = screen(() => import('../screens/family/RegisterFamily'), 'RegisterFamily');
export const FamilyPage = screen(() => import('../screens/family/FamilyPage'), 'FamilyPage');
export const RequestsPage = screen(() => import('../screens/requests/RequestsPage'), 'RequestsPage');
export const OpenRequest = screen(() => import('../screens/requests/OpenRequest'), 'OpenRequest');
export const RequestPage = screen(() => import('../screens/requests/RequestPage'), 'RequestPage');
export const InboxPage = screen(() => import('../screens/inbox/InboxPage'), 'InboxPage');
export const PartnershipsPage = screen(() => import('../screens/partnerships/PartnershipsPage'), 'PartnershipsPage');
export const AuditPage = screen(() => import('../screens/audit/AuditPage'), 'AuditPage');
export const WebhooksPage = screen(() => import('../screens/webhooks/WebhooksPage'), 'WebhooksPage');
