import { rotationStep } from './key-rotation';

const now = new Date('2026-12-02T12:00:00.000Z');
const policy = { maxAgeDays: 365, overlapHours: 72 };

describe('the signing-key rotation policy', () => {
  it('gives a key older than the maximum age a successor, and a younger one nothing', () => {
    expect(rotationStep({ signingSince: '2025-12-01T12:00:00.000Z' }, now, policy)).toBe('announce-successor');
    expect(rotationStep({ signingSince: '2025-12-03T12:00:00.000Z' }, now, policy)).toBeUndefined();
  });

  it('retires the old key only once the successor was announced for the whole overlap', () => {
    expect(rotationStep({ signingSince: '2025-01-01T00:00:00.000Z', successorSince: '2026-11-29T12:00:00.000Z' }, now, policy)).toBe('retire');
    expect(rotationStep({ signingSince: '2025-01-01T00:00:00.000Z', successorSince: '2026-11-29T12:00:01.000Z' }, now, policy)).toBeUndefined();
  });

  it('without a maximum age, keys rotate only when told to, and a rotation begun is still completed', () => {
    expect(rotationStep({ signingSince: '2020-01-01T00:00:00.000Z' }, now, { overlapHours: 72 })).toBeUndefined();
    expect(rotationStep({ signingSince: '2020-01-01T00:00:00.000Z', successorSince: '2026-11-01T00:00:00.000Z' }, now, { overlapHours: 72 })).toBe('retire');
  });
});
