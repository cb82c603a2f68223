// The matching capability's public entry: other folders import from here, never from its files.
export { CANDIDATES, LocalCandidates, type LocalCandidate, type ShareableFamily } from './local-candidates';
