import { DEFAULT_CLAIMS, principalFromClaims, type ClaimMapping } from './claim-mapping';

describe('mapping a provider token to our principal', () => {
  it('reads sub, municipality and roles by default', () => {
    expect(principalFromClaims({ sub: 'anna', municipality: '0630', roles: ['caseworker', 'approver'] }, DEFAULT_CLAIMS)).toEqual({
      ok: true,
      principal: { subject: 'anna', municipality: '0630', roles: ['caseworker', 'approver'] },
    });
  });

  it('follows dotted paths (Keycloak realm_access.roles) and names that are URIs', () => {
    const mapping: ClaimMapping = { subject: 'preferred_username', municipality: 'https://familybank.dk/claims/municipality', roles: 'realm_access.roles' };
    const payload = { preferred_username: 'anna@vejle.dk', 'https://familybank.dk/claims/municipality': '0630', realm_access: { roles: ['offline_access', 'approver'] } };
    expect(principalFromClaims(payload, mapping)).toEqual({ ok: true, principal: { subject: 'anna@vejle.dk', municipality: '0630', roles: ['approver'] } });
  });

  it('takes roles given as one space-separated string (like scope)', () => {
    const mapping = { ...DEFAULT_CLAIMS, roles: 'scope' };
    expect(principalFromClaims({ sub: 'svc', municipality: '0630', scope: 'openid auditor' }, mapping)).toMatchObject({ principal: { roles: ['auditor'] } });
  });

  it("translates the provider's role names with a role map; unmapped ones grant nothing", () => {
    const mapping: ClaimMapping = { ...DEFAULT_CLAIMS, roleMap: { 'FB-Sagsbehandler': ['caseworker'], 'FB-Leder': ['caseworker', 'approver'] } };
    expect(principalFromClaims({ sub: 'a', municipality: '0630', roles: ['FB-Leder', 'caseworker'] }, mapping)).toMatchObject({ principal: { roles: ['caseworker', 'approver'] } });
    expect(principalFromClaims({ sub: 'a', municipality: '0630', roles: ['approver'] }, mapping)).toMatchObject({ ok: false });
  });

  it('ignores role values that are not ours, and refuses a token left with none', () => {
    expect(principalFromClaims({ sub: 'a', municipality: '0630', roles: ['admin', 'caseworker'] }, DEFAULT_CLAIMS)).toMatchObject({ principal: { roles: ['caseworker'] } });
    expect(principalFromClaims({ sub: 'a', municipality: '0630', roles: ['admin'] }, DEFAULT_CLAIMS)).toEqual({ ok: false, problem: expect.stringMatching(/no familybank role .* in claim "roles"/) });
  });

  it('refuses a municipality that is not four digits as a string, and a missing subject', () => {
    for (const municipality of [630, '630', '06301', undefined]) {
      expect(principalFromClaims({ sub: 'a', municipality, roles: ['caseworker'] }, DEFAULT_CLAIMS)).toEqual({ ok: false, problem: expect.stringMatching(/municipality/) });
    }
    expect(principalFromClaims({ municipality: '0630', roles: ['caseworker'] }, DEFAULT_CLAIMS)).toEqual({ ok: false, problem: expect.stringMatching(/subject/) });
  });
});

describe("a provider of one municipality only (JWT_MUNICIPALITY)", () => {
  it('puts every token in that municipality, whatever the token says', () => {
    const mapping: ClaimMapping = { ...DEFAULT_CLAIMS, fixedMunicipality: '0630' };
    expect(principalFromClaims({ sub: 'a', roles: ['caseworker'] }, mapping)).toMatchObject({ principal: { municipality: '0630' } });
    expect(principalFromClaims({ sub: 'a', municipality: '0101', roles: ['caseworker'] }, mapping)).toMatchObject({ principal: { municipality: '0630' } });
  });
});
