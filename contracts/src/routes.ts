import { familyRoutes } from './families/family.routes';
import { opsRoutes } from './ops.routes';

export const apiRoutes = { ...opsRoutes, ...familyRoutes } as const;
export type ApiRouteName = keyof typeof apiRoutes;
