/**
 * Coarsening of dates for sharing: exact dates stay home, partners see ISO weeks and months.
 * All on ISO dates (YYYY-MM-DD) read as UTC days, like the domain's calendar.
 */
import type { EXPERIENCE_BANDS } from '@familybank/contracts';

export type ExperienceBand = (typeof EXPERIENCE_BANDS)[number];

export { isoWeekOf, monthOf } from '@familybank/domain-core';

/**
 * How long the family has been approved, by calendar anniversaries of `approvedOn`: before the
 * first anniversary 'new', up to and including the third '1-3-years', after it 'over-3-years'.
 * Compared as strings, so a 29 February approval has its anniversary on 1 March in other years.
 */
export function experienceBandOf(approvedOn: string, today: string): ExperienceBand {
  const anniversary = (years: number) => `${String(Number(approvedOn.slice(0, 4)) + years).padStart(4, '0')}${approvedOn.slice(4)}`;
  if (today < anniversary(1)) return 'new';
  if (today <= anniversary(3)) return '1-3-years';
  return 'over-3-years';
}
