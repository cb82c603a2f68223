import { exceedsDepth } from './json-depth';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('JSON nesting depth', () => {
  it('counts objects and arrays alike, up to the limit and not beyond', () => {
    expect(exceedsDepth(bytes('{"a":[{"b":1}]}'), 3)).toBe(false);
    expect(exceedsDepth(bytes('{"a":[{"b":[1]}]}'), 3)).toBe(true);
    expect(exceedsDepth(bytes('1'), 0)).toBe(false);
  });

  it('siblings do not add up: depth is how deep, not how many', () => {
    expect(exceedsDepth(bytes(JSON.stringify(Array.from({ length: 1000 }, () => ({ a: [1] })))), 3)).toBe(false);
  });

  it('brackets inside strings, escaped quotes included, do not count', () => {
    expect(exceedsDepth(bytes(JSON.stringify({ text: '[[[[{{{{', quoted: 'say \\"[[[[\\" and \\\\' })), 1)).toBe(false);
    expect(exceedsDepth(bytes(JSON.stringify({ text: 'a"b' }) + '[[['), 1)).toBe(true);
  });

  it('a hostile body of a million brackets is found without parsing it', () => {
    expect(exceedsDepth(bytes('['.repeat(1_000_000)), 32)).toBe(true);
  });
});
