import { familyRoutes } from './families/family.routes';
import { opsRoutes } from './ops.routes';
import { partnershipRoutes } from './partnerships/partnership.routes';
import { requestRoutes } from './requests/request.routes';

export const apiRoutes = { ...opsRoutes, ...familyRoutes, ...partnershipRoutes, ...requestRoutes } as const;
export type ApiRouteName = keyof typeof apiRoutes;
