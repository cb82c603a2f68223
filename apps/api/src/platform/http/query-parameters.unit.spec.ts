import { apiRoutes } from '@familybank/contracts';
import { ProblemError } from './problem';
import { CursorBinding, strictQuery } from './query-parameters';

const problemOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof ProblemError ? { code: error.code, names: error.extras.invalidParams?.map((param) => param.name) } : error;
  }
  throw new Error('expected a problem');
};

describe('strict query parameters', () => {
  it('keeps the declared parameters and names every other one', () => {
    expect(strictQuery(apiRoutes.listFamilies, { q: 'Hodan', limit: '5', languages: 'ar', Stage: 'lead' })).toEqual({
      known: { q: 'Hodan', limit: '5' },
      unknown: [
        { name: 'query.languages', code: 'unrecognized_keys', reason: expect.stringContaining('accepts: limit, cursor, q,') },
        { name: 'query.Stage', code: 'unrecognized_keys', reason: expect.any(String) },
      ],
    });
  });

  it('a route that declares no query takes none', () => {
    expect(strictQuery(apiRoutes.getPipeline, { stage: 'lead' }).unknown).toEqual([{ name: 'query.stage', code: 'unrecognized_keys', reason: 'Unknown query parameter; this operation takes none' }]);
    expect(strictQuery(apiRoutes.getPipeline, {})).toEqual({ known: {}, unknown: [] });
  });
});

describe('cursors bound to their list', () => {
  const families = (query: Record<string, unknown>) => CursorBinding.of(apiRoutes.listFamilies, {}, { limit: 50, ...query })!;

  it('a cursor comes back unwrapped for the same filters, whatever the page size', () => {
    const cursor = families({ q: 'sen', competence: ['adhd'] }).wrap('inner');
    expect(families({ q: 'sen', competence: ['adhd'], limit: 2, cursor }).unwrap(cursor)).toBe('inner');
  });

  it('is refused with other filters, another list or another family', () => {
    const cursor = families({ q: 'sen' }).wrap('inner');
    expect(problemOf(() => families({ q: 'se' }).unwrap(cursor))).toEqual({ code: 'REQUEST.INVALID_CURSOR', names: ['query.cursor'] });
    expect(problemOf(() => families({}).unwrap(cursor))).toEqual({ code: 'REQUEST.INVALID_CURSOR', names: ['query.cursor'] });
    expect(problemOf(() => CursorBinding.of(apiRoutes.listRequests, {}, { q: 'sen' })!.unwrap(cursor))).toMatchObject({ code: 'REQUEST.INVALID_CURSOR' });
    const support = CursorBinding.of(apiRoutes.listFamilySupport, { familyId: 'f1' }, {})!.wrap('7');
    expect(problemOf(() => CursorBinding.of(apiRoutes.listFamilySupport, { familyId: 'f2' }, {})!.unwrap(support))).toMatchObject({ code: 'REQUEST.INVALID_CURSOR' });
  });

  it('a cursor the API did not issue is refused; a route without cursor has no binding', () => {
    for (const forged of ['not-a-cursor', Buffer.from('{"seq":3}').toString('base64url'), Buffer.from('[]').toString('base64url')]) {
      expect(problemOf(() => families({}).unwrap(forged))).toEqual({ code: 'REQUEST.INVALID_CURSOR', names: ['query.cursor'] });
    }
    expect(CursorBinding.of(apiRoutes.getPipeline, {}, {})).toBeUndefined();
  });
});
