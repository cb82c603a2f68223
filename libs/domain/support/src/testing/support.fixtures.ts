/** Today in every support test: a Tuesday. */
export const NOW = new Date('2026-06-10T09:00:00.000Z');
