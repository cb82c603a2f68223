import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES_MATRIX_MARKERS, SECURITY_MD, renderRolesMatrix, withRolesMatrix } from './security-matrix';

const root = join(__dirname, '../..');
const document = () => readFileSync(SECURITY_MD, 'utf8');

describe('SECURITY.md', () => {
  it('holds the roles matrix the contracts generate (run `npm run security:matrix` and commit the result)', () => {
    expect(document()).toBe(withRolesMatrix(document()));
    expect(document()).toContain(renderRolesMatrix());
  });

  it('refuses a document without the matrix markers', () => {
    expect(() => withRolesMatrix('# no markers')).toThrow(/markers/);
    expect(withRolesMatrix(`a\n${ROLES_MATRIX_MARKERS.START}\nold\n${ROLES_MATRIX_MARKERS.END}\nb`, 'new')).toBe(`a\n${ROLES_MATRIX_MARKERS.START}\nnew\n${ROLES_MATRIX_MARKERS.END}\nb`);
  });

  it('names only test files that exist', () => {
    const named = [...new Set([...document().matchAll(/[\w./-]+\.(?:unit|int|e2e)\.spec\.tsx?/g)].map(([file]) => file))];
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((file) => !existsSync(join(root, file)))).toEqual([]);
  });

  it('gives every OWASP API Security Top 10 (2023) item a test or a reason', () => {
    for (let item = 1; item <= 10; item += 1) {
      const section = new RegExp(`\\|\\s*API${item}:2023[^|]*\\|([^\\n]+)`).exec(document());
      expect(section?.[1]).toMatch(/\.spec\.tsx?|does not apply|not applicable|Not yet/i);
    }
  });
});
