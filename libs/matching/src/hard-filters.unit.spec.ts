import type { ChildNeeds, ExclusionReason, SharedProfile } from '@familybank/contracts';
import { whyExcluded } from './hard-filters';
import { matchCandidates } from './match';
import { TODAY, needs, profile } from './testing/fixtures';

/** given a family and a child's needs, then the hard filters the family fails, why (in English and as a code), and whether it is matched. */
function given(family: SharedProfile, child: ChildNeeds = needs()) {
  const excluded = whyExcluded(child, family, TODAY);
  const matched = matchCandidates(child, [family], { limit: 5, today: TODAY }).length === 1;
  return {
    thenExcludedBy: (filter: string, explanation?: RegExp, reason?: ExclusionReason) => {
      expect(excluded.map((exclusion) => exclusion.filter)).toEqual([filter]);
      if (explanation) expect(excluded[0]!.explanation).toMatch(explanation);
      if (reason) expect(excluded[0]!.reason).toEqual(reason);
      expect(matched).toBe(false);
    },
    thenPasses: () => {
      expect(excluded).toEqual([]);
      expect(matched).toBe(true);
    },
  };
}

describe('hard filters', () => {
  it('a family fitting every filter passes', () => {
    given(profile()).thenPasses();
  });

  it('care type: a family that does not offer it is excluded', () => {
    given(profile({ careTypes: ['foster', 'emergency'] })).thenExcludedBy('care-type', /Offers foster, emergency, not respite/, { code: 'care-type.not-offered', params: { offered: ['foster', 'emergency'], needed: 'respite' } });
  });

  it('capacity: the whole sibling group needs free places', () => {
    given(profile({ freeCapacity: 1 }), needs({ siblings: 1 })).thenExcludedBy('capacity', /1 free place\(s\), 2 needed/, { code: 'capacity.too-few', params: { free: 1, needed: 2 } });
    given(profile({ freeCapacity: 0 })).thenExcludedBy('capacity');
    given(profile({ freeCapacity: 2 }), needs({ siblings: 1 })).thenPasses();
  });

  it('capacity per period: a family placed January–June is a candidate from July, not for a period overlapping the placement', () => {
    // TODAY is 2026-06-15; the placement takes the family's only place July–September.
    const placed = profile({ freeCapacity: 0, availability: { weeks: [], patterns: ['weekends'], freePlaces: [{ from: '2026-06', to: '2026-06', places: 1 }, { from: '2026-10', places: 1 }] } });
    given(placed, needs({ schedule: { patterns: ['weekends'], period: { from: '2026-10-01', to: '2027-03-31' } } })).thenPasses();
    given(placed, needs({ schedule: { patterns: ['weekends'], period: { from: '2026-09-15', to: '2027-03-31' } } })).thenExcludedBy(
      'capacity',
      /Not 1 free place\(s\) in every month of 2026-09–2027-03; free: 1 in 2026-06, 1 from 2026-10/,
      { code: 'capacity.not-throughout', params: { places: 1, from: '2026-09', to: '2027-03', free: [{ from: '2026-06', to: '2026-06', places: 1 }, { from: '2026-10', places: 1 }] } },
    );
    given(placed, needs({ schedule: { patterns: ['weekends'], period: { from: '2026-06-16', to: '2026-06-30' } } })).thenPasses();
  });

  it('capacity per period: a period that began before this month needs its places only from this month on', () => {
    const freeNow = profile({ availability: { weeks: [], patterns: ['weekends'], freePlaces: [{ from: '2026-06', places: 1 }] } });
    given(freeNow, needs({ schedule: { patterns: ['weekends'], period: { from: '2026-01-01', to: '2026-12-31' } } })).thenPasses();
  });

  it('capacity per period: siblings need their places in every month; a month with fewer excludes the family', () => {
    const uneven = profile({ availability: { weeks: [], patterns: ['weekends'], freePlaces: [{ from: '2026-06', to: '2026-08', places: 2 }, { from: '2026-09', places: 1 }] } });
    given(uneven, needs({ siblings: 1, schedule: { patterns: ['weekends'], period: { from: '2026-07-01', to: '2026-08-31' } } })).thenPasses();
    given(uneven, needs({ siblings: 1 })).thenExcludedBy('capacity', /Not 2 free place\(s\) in every month of 2026-07–2026-12/, { code: 'capacity.not-throughout', params: { places: 2, from: '2026-07', to: '2026-12', free: [{ from: '2026-06', to: '2026-08', places: 2 }, { from: '2026-09', places: 1 }] } });
  });

  it('age: the child must be within the approved age range, bounds included', () => {
    given(profile({ ageRange: { min: 10, max: 17 } })).thenExcludedBy('age', /ages 10–17, the child is 8/, { code: 'age.outside-range', params: { min: 10, max: 17, childAge: 8 } });
    given(profile({ ageRange: { min: 0, max: 7 } })).thenExcludedBy('age');
    given(profile({ ageRange: { min: 8, max: 8 } })).thenPasses();
  });

  it('approval: valid until at least the month the placement starts', () => {
    given(profile({ approvalValidUntil: '2026-06' })).thenExcludedBy('approval', /2026-06, the placement starts 2026-07/, { code: 'approval.ends-before-start', params: { validUntil: '2026-06', starts: '2026-07' } });
    given(profile({ approvalValidUntil: '2026-07' })).thenPasses();
  });

  it('approval: for a start date already past, at least today’s month', () => {
    given(profile({ approvalValidUntil: '2026-05' }), needs({ startDate: '2026-01-01' })).thenExcludedBy('approval');
    given(profile({ approvalValidUntil: '2026-06' }), needs({ startDate: '2026-01-01' })).thenPasses();
  });

  it('required competences: every one must be present', () => {
    given(profile(), needs({ requiredCompetences: ['adhd', 'autism'] })).thenExcludedBy('required-competences', /Lacks required autism/, { code: 'required-competences.missing', params: { missing: ['autism'] } });
    given(profile(), needs({ requiredCompetences: ['adhd'] })).thenPasses();
  });

  describe('availability', () => {
    const weekdaysOnly = { weeks: [], patterns: ['weekdays' as const] };

    it('a family offering none of the needed patterns and no overlapping weeks is excluded', () => {
      given(profile({ availability: weekdaysOnly })).thenExcludedBy('availability', /Not available in 2026-W27–2026-W53 nor on weekends/, { code: 'availability.not-in-period', params: { fromWeek: '2026-W27', toWeek: '2026-W53', patterns: ['weekends'] } });
    });

    it('patterns fit when the family offers all the needed ones', () => {
      given(profile({ availability: { weeks: [], patterns: ['weekdays', 'weekends', 'holidays'] } })).thenPasses();
      given(profile({ availability: { weeks: [], patterns: ['weekends'] } }), needs({ schedule: { patterns: ['weekends', 'holidays'], period: { from: '2026-07-01', to: '2026-12-31' } } })).thenExcludedBy('availability');
    });

    it('dated weeks fit when one range overlaps the weeks of the period, bounds included', () => {
      given(profile({ availability: { weeks: [{ from: '2026-W53', to: '2027-W02' }], patterns: [] } })).thenPasses();
      given(profile({ availability: { weeks: [{ from: '2026-W20', to: '2026-W27' }], patterns: [] } })).thenPasses();
      given(profile({ availability: { weeks: [{ from: '2026-W20', to: '2026-W26' }, { from: '2027-W01', to: '2027-W05' }], patterns: [] } })).thenExcludedBy('availability');
    });

    it('a request without patterns needs continuous care, which only dated weeks promise', () => {
      const continuous = needs({ schedule: { patterns: [], period: { from: '2026-07-01', to: '2026-12-31' } } });
      given(profile({ availability: { weeks: [], patterns: ['weekdays', 'weekends', 'holidays'] } }), continuous).thenExcludedBy('availability', /Not available in 2026-W27–2026-W53$/, { code: 'availability.not-in-period', params: { fromWeek: '2026-W27', toWeek: '2026-W53', patterns: [] } });
      given(profile({ availability: { weeks: [{ from: '2026-W30', to: '2026-W40' }], patterns: [] } }), continuous).thenPasses();
    });
  });

  it('whyExcluded names every failed filter at once', () => {
    const excluded = whyExcluded(needs({ siblings: 2 }), profile({ careTypes: ['foster'], ageRange: { min: 13, max: 17 } }), TODAY);
    expect(excluded.map((exclusion) => exclusion.filter)).toEqual(['care-type', 'capacity', 'age']);
  });
});
