/** Profiles carry weeks, needs carry dates: both go through the one ISO-week function of the domain. */
export { isoWeekOf, monthOf } from '@familybank/domain-core';
