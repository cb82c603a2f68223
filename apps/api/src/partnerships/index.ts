// The partnerships capability's public entry: other folders import from here, never from its files.
export { partnershipStepCommand } from './partnership-step-commands';
export { partnershipStepMessages, partnershipStepOutgoing } from './partnership-step-messages';
