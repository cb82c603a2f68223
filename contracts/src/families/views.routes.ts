import { READERS, defineRoute } from '../route';
import { FamilyIdParams } from './family.schemas';
import * as s from './views.schemas';

export const profileViewRoutes = {
  listFamilyViews: defineRoute({
    operationId: 'listFamilyViews',
    method: 'get',
    path: '/v1/families/{familyId}/views',
    summary: 'Which partner municipalities viewed the family’s shared profile, and when',
    description:
      'Each time a partner’s caseworker reads the shared pool or a request with offer profiles, the partner reports which profiles it read; the owner keeps them per family, newest first.',
    tag: 'Families',
    roles: READERS,
    params: FamilyIdParams,
    success: { status: 200, schema: s.FamilyViews, description: 'The views of the family’s shared profile' },
    errors: [404],
  }),
} as const;
