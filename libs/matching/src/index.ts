export * from './hard-filters';
export * from './match';
export * from './region-distance';
export { WEIGHTS, explainScore, scoreOf } from './scoring';
export { prepareNeeds, type PreparedNeeds } from './prepared-needs';
export { isoWeekOf } from './calendar';
export * from './types';
export { describeFreePlaces, exclusionReasonText, matchReasonText } from './reasons';
