import { isoDate } from '@familybank/domain-core';
import type { ProcessManager } from '../process-manager';
import type { CommandRefused, FamilyFact, WorkflowInput } from '../workflow-input';

/**
 * A person registered as a network family shows on the network map of the request they were
 * registered for, as `registered-as-network-family` with the family (updating the map's entry the
 * caseworker named, if any). The family and the request are two streams, so this is a workflow.
 * A refusal (the request names another family for that person) leaves the map as the caseworker
 * keeps it. One instance per family.
 */
export type NetworkFamilyInput = Extract<FamilyFact, { type: 'FamilyRegistered' }> | CommandRefused;

export const NETWORK_FAMILY = 'network-family';

export const networkFamily: ProcessManager<NetworkFamilyInput, Record<string, never>> = {
  name: NETWORK_FAMILY,
  handles: (input: WorkflowInput): input is NetworkFamilyInput => input.kind === 'refused' || (input.kind === 'event' && input.aggregate === 'family' && input.type === 'FamilyRegistered'),
  instanceId: (fact) => fact.aggregateId,
  initialState: () => ({}),
  decide: (input) => {
    if (input.kind !== 'event' || input.data.network === undefined) return [];
    const { familyId, adults, network, registeredAt } = input.data;
    const person = {
      personId: network.personId ?? familyId,
      name: adults.map((adult) => adult.fullName).join(' & '),
      relation: network.relation,
      outcome: 'registered-as-network-family' as const,
      on: isoDate(new Date(registeredAt)),
      familyId,
    };
    return [{ aggregate: 'request', id: network.requestId, command: { type: 'RecordNetworkPerson', data: person } }];
  },
  evolve: (state) => state,
};
