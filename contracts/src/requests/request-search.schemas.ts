import { IsoDate, PageQuery } from '../common.schemas';
import { CareType } from '../families/family.schemas';
import { z } from '../zod';
import { RequestStatus } from './request.schemas';

/** Filters of the municipality's requests; they combine with AND, and a cursor continues only the list of the same filters. */
export const RequestSearchQuery = PageQuery.extend({
  status: RequestStatus.optional(),
  careType: CareType.optional().openapi({ description: 'Requests for this care type' }),
  deadlineAfter: IsoDate.optional().openapi({ description: 'Requests whose response deadline is after this day' }),
  deadlineBefore: IsoDate.optional().openapi({ description: 'Requests whose response deadline is before this day' }),
}).refine((query) => !query.deadlineAfter || !query.deadlineBefore || query.deadlineAfter < query.deadlineBefore, {
  path: ['deadlineAfter'],
  message: 'deadlineAfter must be a day before deadlineBefore',
});
export type RequestSearchQuery = z.output<typeof RequestSearchQuery>;
