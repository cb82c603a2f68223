import { PUBLIC_OPERATIONS, ROLES, isPublic } from './route';
import { apiRoutes } from './routes';

const routes = Object.entries(apiRoutes);

describe('every route declares who may call it', () => {
  it.each(routes)('%s declares roles, or is declared public', (_name, route) => {
    // Read through an untyped view: the type already requires `roles`, this catches [] and stray values.
    const declared = (route as { roles?: unknown }).roles;
    if (isPublic(declared as never)) return;
    expect(Array.isArray(declared)).toBe(true);
    expect((declared as string[]).length).toBeGreaterThan(0);
    for (const role of declared as string[]) expect(ROLES).toContain(role);
  });

  it('only health, readiness and the sign-in (development, and how to sign in) are public', () => {
    const publicOnes = routes.filter(([, route]) => isPublic(route.roles)).map(([, route]) => route.operationId);
    expect(publicOnes.sort()).toEqual([...PUBLIC_OPERATIONS].sort());
  });

  it('a route without a declaration is caught (the check above is not vacuous)', () => {
    const undeclared = { ...apiRoutes.getFamily, roles: undefined } as unknown as { roles?: unknown };
    expect(Array.isArray(undeclared.roles) || isPublic(undeclared.roles as never)).toBe(false);
  });

  it('only an approver decides on approval, and the audit of reads is for auditors alone', () => {
    expect(apiRoutes.approveFamily.roles).toEqual(['approver']);
    expect(apiRoutes.rejectFamily.roles).toEqual(['approver']);
    expect(apiRoutes.listReadAudit.roles).toEqual(['auditor']);
  });

  it('releasing contact details (accepting an offer, placing an own family) is for caseworkers and approvers, as SECURITY.md says', () => {
    expect(apiRoutes.acceptOffer.roles).toEqual(['caseworker', 'approver']);
    expect(apiRoutes.placeOwnFamily.roles).toEqual(['caseworker', 'approver']);
  });
});
