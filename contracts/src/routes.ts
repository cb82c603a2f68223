import { familyRoutes } from './families/family.routes';
import { inboxRoutes } from './inbox/inbox.routes';
import { opsRoutes } from './ops.routes';
import { partnershipRoutes } from './partnerships/partnership.routes';
import { requestRoutes } from './requests/request.routes';

export const apiRoutes = { ...opsRoutes, ...familyRoutes, ...partnershipRoutes, ...requestRoutes, ...inboxRoutes } as const;
export type ApiRouteName = keyof typeof apiRoutes;
