import type { Decider } from '@familybank/domain-core';
import type { FamilyCommand } from './family.commands';
import { decideFamily } from './family.decide';
import type { FamilyEvent } from './family.events';
import { evolveFamily, initialFamilyState, type FamilyState } from './family.state';

export const familyDecider: Decider<FamilyCommand, FamilyEvent, FamilyState> = {
  decide: decideFamily,
  evolve: evolveFamily,
  initialState: initialFamilyState,
};
