import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FamilyEvent } from '@familybank/domain-family';
import { approved, available } from '@familybank/domain-family/testing';
import { DocumentStore } from '../document-store';
import { recorded } from '../testing';
import { availableFamiliesProjection, evolveAvailability, type AvailabilityTracking } from './available-families.projection';
import { FamilyQueries } from './family-queries';

const policy = { staleAfterDays: 60, reminderDays: 7 };
const confirmedOn = (date: string): FamilyEvent => ({ type: 'AvailabilityConfirmed', data: { confirmedOn: date } });

describe('availability reminders query', () => {
  let dir: string;
  let documents: DocumentStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'familybank-reminders-'));
    documents = new DocumentStore(join(dir, 'read.sqlite'), { synchronous: 'NORMAL' });
  });
  afterEach(() => {
    documents.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function store(familyId: string, events: FamilyEvent[], municipality = '0630') {
    const tracking = recorded(events, { familyId, municipality }).reduce<AvailabilityTracking | null>(evolveAvailability, null)!;
    documents.put(availableFamiliesProjection.collection, familyId, municipality, tracking);
  }

  it('lists the municipality’s available families whose availability is stale or due, and no others', () => {
    store('stale', available); // confirmed 2026-03-09 by the fixture
    store('reconfirmed', [...available, confirmedOn('2026-05-01')]); // stale on 2026-07-01
    store('fresh', [...available, confirmedOn('2026-05-20')]); // stale on 2026-07-20
    store('not-available', approved);
    store('other-municipality', available, '0265');
    const queries = new FamilyQueries(documents, () => new Date('2026-06-26T08:00:00.000Z'));

    expect(queries.availabilityReminders('0630', policy)).toEqual({
      staleAfterDays: 60,
      reminderDays: 7,
      items: [
        { familyId: 'stale', householdName: 'Mette Hansen & Jens Hansen', confirmedOn: '2026-03-09', staleOn: '2026-05-09', daysLeft: -48, stale: true },
        { familyId: 'reconfirmed', householdName: 'Mette Hansen & Jens Hansen', confirmedOn: '2026-05-01', staleOn: '2026-07-01', daysLeft: 5, stale: false },
      ],
    });
    expect(queries.availabilityReminders('0265', policy).items.map((item) => item.familyId)).toEqual(['other-municipality']);
  });
});
