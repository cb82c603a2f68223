import { auditRoutes } from './audit/audit.routes';
import { devSessionRoutes } from './dev/dev-session.routes';
import { signInRoutes } from './dev/sign-in.routes';
import { familyRoutes } from './families/family.routes';
import { figureRoutes } from './figures/figures.routes';
import { profileViewRoutes } from './families/views.routes';
import { inboxRoutes } from './inbox/inbox.routes';
import { opsRoutes } from './ops.routes';
import { partnershipRoutes } from './partnerships/partnership.routes';
import { networkRoutes } from './requests/network.routes';
import { requestRoutes } from './requests/request.routes';
import { worklistRoutes } from './worklist/worklist.routes';
import { supportRoutes } from './support/support.routes';
import { webhookRoutes } from './webhooks/webhook.routes';

export const apiRoutes = {
  ...opsRoutes,
  ...familyRoutes,
  ...partnershipRoutes,
  ...requestRoutes,
  ...networkRoutes,
  ...inboxRoutes,
  ...profileViewRoutes,
  ...figureRoutes,
  ...devSessionRoutes,
  ...signInRoutes,
  ...worklistRoutes,
  ...supportRoutes,
  ...webhookRoutes,
  ...auditRoutes,
} as const;
export type ApiRouteName = keyof typeof apiRoutes;
