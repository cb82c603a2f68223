import { familyRoutes } from './families/family.routes';
import { opsRoutes } from './ops.routes';
import { partnershipRoutes } from './partnerships/partnership.routes';

export const apiRoutes = { ...opsRoutes, ...familyRoutes, ...partnershipRoutes } as const;
export type ApiRouteName = keyof typeof apiRoutes;
