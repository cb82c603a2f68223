/**
 * Who may do what. Each route names one of these groups (or PUBLIC) in its contract; SECURITY.md
 * shows the resulting route × role matrix (`npm run security:matrix`). Groups only ever grew when
 * the roles were added: a token with caseworker, approver or auditor may do exactly what it could before.
 */
export const ROLES = ['recruiter', 'caseworker', 'approver', 'partner-liaison', 'auditor', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

/** Declared by the few routes that need no token (health, readiness, the sign-in). */
export const PUBLIC = 'public' as const;
export type RouteAccess = readonly Role[] | typeof PUBLIC;

/** The routes that answer without a token. A test fails when another route declares PUBLIC. */
export const PUBLIC_OPERATIONS: readonly string[] = ['health', 'ready', 'getDevSignInOptions', 'openDevSession', 'getSignInConfig'];

export const isPublic = (roles: RouteAccess | undefined): roles is typeof PUBLIC => roles === PUBLIC;

/** What each role is for, in one line (the matrix's legend). */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  recruiter: 'Brings in new families: registers leads and records first contact, screening and interview.',
  caseworker: 'Runs the cases: families after the interview, checks, availability, support, requests, offers and placements.',
  approver: 'Decides: approval, rejection, suspension, assessed remarks, provisional approval; also everything a caseworker does.',
  'partner-liaison': 'Keeps the partnerships with other municipalities and their pinned keys.',
  auditor: 'Supervises: reads everything a caseworker reads, and alone reads the audit of reads.',
  administrator: 'Runs the integration: webhook subscriptions, deliveries and their secrets; no family data.',
};

/** Aggregate numbers, partnerships and the directory: nothing personal. */
export const ALL_ROLES: readonly Role[] = ROLES;
/** Reading the municipality's families, requests, offers and support (personal data; every read of a family is audited). */
export const READERS: readonly Role[] = ['recruiter', 'caseworker', 'approver', 'auditor'];
/** Reading requests, offers, the inbox and the partners' pool: the placement work, not recruitment. */
export const CASE_READERS: readonly Role[] = ['caseworker', 'approver', 'auditor'];
/** Overviews of the work without a family's detail (pipeline, worklist, figures). */
export const OVERVIEW_READERS: readonly Role[] = READERS;
/** The first steps with a lead (register, first contact, screening, interview, profile). */
export const RECRUITERS: readonly Role[] = ['recruiter', 'caseworker', 'approver'];
/** Recording the case's steps, requests, offers and support. */
export const RECORDERS: readonly Role[] = ['caseworker', 'approver'];
/**
 * Accepting an offer or placing an own family, which releases a family's contact details to the
 * requesting municipality's caseworkers (see SECURITY.md, "Releasing contact details").
 */
export const CONTACT_RELEASERS: readonly Role[] = ['caseworker', 'approver'];
/** Deciding whether a family may take children. */
export const APPROVERS: readonly Role[] = ['approver'];
/** Proposing, accepting, declining and revoking partnerships. */
export const PARTNERSHIP_KEEPERS: readonly Role[] = ['approver', 'partner-liaison'];
/** Webhook subscriptions, their secrets and re-driving deliveries. */
export const INTEGRATION_ADMINS: readonly Role[] = ['approver', 'administrator'];
/** Seeing the webhook subscriptions and deliveries (no personal data: ids and event types). */
export const INTEGRATION_READERS: readonly Role[] = ['caseworker', 'approver', 'auditor', 'administrator'];
/** The audit of reads: who read or was given a family's personal data. */
export const AUDITORS: readonly Role[] = ['auditor'];
