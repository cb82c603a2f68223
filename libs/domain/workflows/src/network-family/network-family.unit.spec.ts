import { lead, networkRegistered } from '@familybank/domain-family/testing';
import type { FamilyEvent } from '@familybank/domain-family';
import type { AggregateCommand } from '../aggregate-command';
import { familyFact, processManagerSpecification, refused } from '../testing';
import { networkFamily } from './network-family';

const spec = processManagerSpecification(networkFamily);
const registered = (event: FamilyEvent = networkRegistered[0]!) => familyFact('fam-net-1', event as Extract<FamilyEvent, { type: 'FamilyRegistered' }>, '0630');
const onMap = (personId: string): AggregateCommand => ({
  aggregate: 'request',
  id: 'req-1',
  command: {
    type: 'RecordNetworkPerson',
    data: { personId, name: 'Inge Mortensen', relation: 'grandparent', outcome: 'registered-as-network-family', on: '2026-03-09', familyId: 'fam-net-1' },
  },
});

describe('network family on the request’s network map', () => {
  it('a network family registered for a request is put on that request’s map as registered, under its family id', () => {
    spec.given([]).when(registered()).then([onMap('fam-net-1')]);
  });

  it('a network family registered from a person already on the map updates that person’s entry', () => {
    const event = networkRegistered[0]! as Extract<FamilyEvent, { type: 'FamilyRegistered' }>;
    const fromPerson = { ...event, data: { ...event.data, network: { ...event.data.network!, personId: 'p-7' } } };
    spec.given([]).when(registered(fromPerson)).then([onMap('p-7')]);
  });

  it('a family registered from any other channel asks nothing', () => {
    spec.given([]).when(familyFact('fam-1', lead[0] as Extract<FamilyEvent, { type: 'FamilyRegistered' }>)).then([]);
  });

  it('a refused map entry (the person is registered as another family) is left as the caseworker keeps it', () => {
    spec.given([registered()]).when(refused(onMap('fam-net-1'), 'REQUEST.NETWORK_PERSON_REGISTERED', 'Person p-7 is registered')).then([]);
  });

  it('one instance per family; the rest of a family’s life is not its business', () => {
    expect(networkFamily.instanceId(registered())).toBe('fam-net-1');
    spec.ignores(familyFact('fam-net-1', networkRegistered[1]!));
  });
});
