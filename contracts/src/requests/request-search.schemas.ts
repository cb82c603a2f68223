import { IsoDate, PageQuery } from '../common.schemas';
import { CareType } from '../families/family.schemas';
import { z } from '../zod';
import { RequestStatus } from './request.schemas';

/** Filters of the municipality's requests; they combine with AND, and a cursor continues only the list of the same filters. */
export const RequestSearchQuery = PageQuery.extend({
  status: RequestStatus.optional(),
  careType: CareType.optional().openapi({ description: 'Requests for this care type' }),
  deadlineAfter: IsoDate.optional().openapi({ description: 'Requests whose response deadline is after this day' }),
  deadlineBefore: IsoDate.optional().openapi({
    description: 'Requests whose response deadline is before this day. With deadlineAfter, a window that holds no day is 422 REQUEST.EMPTY_DEADLINE_WINDOW (a rule across two parameters, which the schema cannot state)',
  }),
});
export type RequestSearchQuery = z.output<typeof RequestSearchQuery>;
