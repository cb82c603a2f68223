import { availabilityReminders, remindConfirmedOnOrBefore, staleOn } from './availability-reminders';

const policy = { staleAfterDays: 60, reminderDays: 7 };
const NOW = new Date('2027-03-10T15:00:00.000Z');
const family = (familyId: string, availabilityConfirmedOn: string) => ({ familyId, householdName: `The ${familyId}s`, availabilityConfirmedOn });

describe('availability reminders', () => {
  it('availability goes stale on the 61st day after its confirmation (more than 60 days)', () => {
    expect(staleOn('2027-01-01', 60)).toBe('2027-03-03');
    expect(staleOn('2026-12-31', 60)).toBe('2027-03-02');
  });

  it('lists stale families and those that go stale within the reminder window, the most overdue first', () => {
    const families = [
      family('fresh', '2027-03-01'), // stale on 2027-05-01: not yet
      family('due-in-7', '2027-01-15'), // stale on 2027-03-17: the last day of the window
      family('due-in-8', '2027-01-16'), // stale on 2027-03-18: outside the window
      family('stale-today', '2027-01-08'), // stale on 2027-03-10
      family('long-stale', '2026-11-01'), // stale on 2027-01-01
      family('due-tomorrow', '2027-01-09'), // stale on 2027-03-11: today is its last fresh day
    ];
    expect(availabilityReminders(families, NOW, policy)).toEqual({
      staleAfterDays: 60,
      reminderDays: 7,
      items: [
        { familyId: 'long-stale', householdName: 'The long-stales', confirmedOn: '2026-11-01', staleOn: '2027-01-01', daysLeft: -68, stale: true },
        { familyId: 'stale-today', householdName: 'The stale-todays', confirmedOn: '2027-01-08', staleOn: '2027-03-10', daysLeft: 0, stale: true },
        { familyId: 'due-tomorrow', householdName: 'The due-tomorrows', confirmedOn: '2027-01-09', staleOn: '2027-03-11', daysLeft: 1, stale: false },
        { familyId: 'due-in-7', householdName: 'The due-in-7s', confirmedOn: '2027-01-15', staleOn: '2027-03-17', daysLeft: 7, stale: false },
      ],
    });
  });

  it('with a reminder window of zero days, lists only stale families', () => {
    const families = [family('due-tomorrow', '2027-01-09'), family('stale-today', '2027-01-08')];
    expect(availabilityReminders(families, NOW, { staleAfterDays: 60, reminderDays: 0 }).items.map((item) => item.familyId)).toEqual(['stale-today']);
  });

  it('the query’s date bound selects exactly the families in the window', () => {
    const bound = remindConfirmedOnOrBefore(NOW, policy);
    expect(bound).toBe('2027-01-15');
    expect(availabilityReminders([family('at-bound', bound)], NOW, policy).items).toHaveLength(1);
    expect(availabilityReminders([family('after-bound', '2027-01-16')], NOW, policy).items).toHaveLength(0);
  });
});
