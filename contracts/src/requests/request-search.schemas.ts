import { IsoDate, PageQuery } from '../common.schemas';
import { CareType } from '../families/family.schemas';
import { z } from '../zod';
import { RequestStatus } from './request.schemas';

/** Filters of the municipality's requests; they combine with AND, and a cursor continues only the list of the same filters. */
export const RequestSearchQuery = PageQuery.extend({
  status: RequestStatus.optional(),
  careType: CareType.optional().openapi({ description: 'Requests for this care type' }),
  // Examples of their own: IsoDate's one example for both would be a window that holds no day.
  deadlineAfter: IsoDate.optional().openapi({ description: 'Requests whose response deadline is after this day', param: { example: '2026-11-01' } }),
  deadlineBefore: IsoDate.optional().openapi({
    description: 'Requests whose response deadline is before this day. With deadlineAfter, a window that holds no day is 422 REQUEST.EMPTY_DEADLINE_WINDOW (a rule across two parameters, which the schema cannot state)',
    param: { example: '2027-03-31' },
  }),
});
export type RequestSearchQuery = z.output<typeof RequestSearchQuery>;
