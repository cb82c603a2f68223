import { FamilybankProblem, paginate, unwrap } from './client';

const response = (status: number) => new Response(null, { status });

describe('api client helpers', () => {
  it('unwrap returns the data of a success', async () => {
    await expect(unwrap(Promise.resolve({ data: { ok: 1 }, response: response(200) }))).resolves.toEqual({ ok: 1 });
  });

  it('unwrap throws the problem of a failure, with its code', async () => {
    const problem = { type: 'urn:familybank:problem:rule-violated', title: 'Rule', status: 422, code: 'FAMILY.NOT_APPROVED', detail: 'No approval' };
    const failure = unwrap(Promise.resolve({ error: problem, response: response(422) }));
    await expect(failure).rejects.toBeInstanceOf(FamilybankProblem);
    await expect(failure).rejects.toMatchObject({ problem: { code: 'FAMILY.NOT_APPROVED' }, message: '422 FAMILY.NOT_APPROVED: No approval' });
  });

  it('paginate follows nextCursor until the last page', async () => {
    const pages: Record<string, { items: number[]; nextCursor: string | null }> = {
      start: { items: [1, 2], nextCursor: 'b' },
      b: { items: [3], nextCursor: 'c' },
      c: { items: [], nextCursor: null },
    };
    const seen: Array<string | undefined> = [];
    const items: number[] = [];
    for await (const item of paginate((cursor) => {
      seen.push(cursor);
      return Promise.resolve({ data: pages[cursor ?? 'start'], response: response(200) });
    })) {
      items.push(item);
    }
    expect(items).toEqual([1, 2, 3]);
    expect(seen).toEqual([undefined, 'b', 'c']);
  });
});
