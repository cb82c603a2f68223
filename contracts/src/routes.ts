import { familyRoutes } from './families/family.routes';
import { profileViewRoutes } from './families/views.routes';
import { inboxRoutes } from './inbox/inbox.routes';
import { opsRoutes } from './ops.routes';
import { partnershipRoutes } from './partnerships/partnership.routes';
import { requestRoutes } from './requests/request.routes';
import { webhookRoutes } from './webhooks/webhook.routes';

export const apiRoutes = { ...opsRoutes, ...familyRoutes, ...partnershipRoutes, ...requestRoutes, ...inboxRoutes, ...profileViewRoutes, ...webhookRoutes } as const;
export type ApiRouteName = keyof typeof apiRoutes;
