/**
 * The English sentences of the matching engine, written from its reasons: a reason's code and
 * params are the source, the sentence follows from them, so the two never say different things.
 * Clients in other languages render the same reasons themselves (apps/web: i18n reasons.*).
 */
import type { ExclusionReason, FreePlaces, MatchReason } from '@familybank/contracts';

const span = (from: string, to: string) => (from === to ? from : `${from}–${to}`);

/** "1 in 2026-11–2026-12, 1 from 2027-07": the months the profile says are free. */
export function describeFreePlaces(ranges: readonly FreePlaces[]): string {
  if (ranges.length === 0) return 'no free month';
  return ranges.map((range) => (range.to === undefined ? `${range.places} from ${range.from}` : `${range.places} in ${span(range.from, range.to)}`)).join(', ');
}

type Texts<Reason extends { code: string; params: unknown }> = { [Code in Reason['code']]: (params: Extract<Reason, { code: Code }>['params']) => string };

const MATCH_TEXTS: Texts<MatchReason> = {
  'competences.none-wished': () => 'No wished competences',
  'competences.wished': ({ present, wished }) => `${present.length} of ${wished} wished competences${present.length > 0 ? `: ${present.join(', ')}` : ''}`,
  'region.same': ({ region }) => `Same region (${region})`,
  'region.neighbouring': ({ region, childRegion }) => `Neighbouring region (${region}, the child is in ${childRegion})`,
  'region.distant': ({ region, childRegion }) => `Distant region (${region}, the child is in ${childRegion})`,
  'language.none-named': () => 'No language of the child named',
  'language.speaks': ({ languages }) => `Speaks the child's ${languages.join(', ')}`,
  'language.speaks-none': ({ childLanguages }) => `Speaks none of the child's languages (${childLanguages.join(', ')})`,
  'experience.new': () => 'Newly approved (under a year)',
  'experience.1-3-years': () => 'Approved for 1–3 years',
  'experience.over-3-years': () => 'Approved for over 3 years',
  'siblings.none': () => 'No siblings to place together',
  'siblings.experienced': ({ children }) => `Experienced with siblings; room for all ${children} children`,
  'siblings.no-experience': ({ children }) => `Room for all ${children} children, but no sibling experience`,
  'period.free-throughout': ({ places, from, to, free }) =>
    `${places} place(s) needed and free in every month of ${span(from, to)}${free ? ` (free: ${describeFreePlaces(free)})` : ''}`,
  'network.named': () => "From the child's own network: ranked first",
  'network.registered': ({ relation }) => `Registered from the child's network (${relation}) for this request: ranked first`,
};

const EXCLUSION_TEXTS: Texts<ExclusionReason> = {
  'care-type.not-offered': ({ offered, needed }) => `Offers ${offered.join(', ')}, not ${needed}`,
  'capacity.too-few': ({ free, needed }) => `${free} free place(s), ${needed} needed`,
  'capacity.not-throughout': ({ places, from, to, free }) => `Not ${places} free place(s) in every month of ${span(from, to)}; free: ${describeFreePlaces(free)}`,
  'age.outside-range': ({ min, max, childAge }) => `Approved for ages ${min}–${max}, the child is ${childAge}`,
  'approval.ends-before-start': ({ validUntil, starts }) => `Approval valid until ${validUntil}, the placement starts ${starts}`,
  'required-competences.missing': ({ missing }) => `Lacks required ${missing.join(', ')}`,
  'availability.not-in-period': ({ fromWeek, toWeek, patterns }) => `Not available in ${fromWeek}–${toWeek}${patterns.length > 0 ? ` nor on ${patterns.join(', ')}` : ''}`,
  'network.other-request': ({ requestId }) => `A network family of request ${requestId} only`,
  'placeable.not-placeable': ({ cause }) => `Not placeable now (${cause})`,
};

const render = <Reason extends { code: string; params: unknown }>(texts: Texts<Reason>, reason: Reason): string =>
  (texts[reason.code as Reason['code']] as (params: unknown) => string)(reason.params);

/** The criterion's reason as the English explanation. */
export const matchReasonText = (reason: MatchReason): string => render(MATCH_TEXTS, reason);
/** The failed filter's reason as the English explanation. */
export const exclusionReasonText = (reason: ExclusionReason): string => render(EXCLUSION_TEXTS, reason);
