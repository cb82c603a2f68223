import { OVERVIEW_READERS, defineRoute } from '../route';
import * as s from './worklist.schemas';

export const worklistRoutes = {
  getWorklist: defineRoute({
    operationId: 'getWorklist',
    method: 'get',
    path: '/v1/worklist',
    summary: 'What is due in your municipality, or for one user (?assignee=me), sorted by due date',
    description:
      'Overdue first contacts, checks waiting for assessment, approvals expiring within 90 days, availability going stale, partners’ requests by response deadline, and acceptances waiting for the owner. Computed when read from the read models; not paginated (it lists only what is due).',
    tag: 'Worklist',
    roles: OVERVIEW_READERS,
    query: s.WorklistQuery,
    success: { status: 200, schema: s.Worklist, description: 'The worklist, most overdue first' },
    errors: [],
  }),
} as const;
