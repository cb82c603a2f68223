import { DocumentStore } from '../document-store';
import { WorklistQueries } from './worklist';
import { COLLECTIONS, CONTEXT, EXPECTED, NOW } from './worklist.fixtures';

/** The rules' SQL narrowing must never drop an item: over SQLite, the fixture gives the same worklist as over plain lists. */
describe('the worklist over the document store', () => {
  let documents: DocumentStore;

  beforeAll(() => {
    documents = new DocumentStore(':memory:');
    for (const [collection, rows] of Object.entries(COLLECTIONS)) {
      for (const row of rows) {
        documents.put(collection, row.id, '0630', row.body);
        documents.put(collection, `other-${row.id}`, '0265', row.body);
      }
    }
  });
  afterAll(() => documents.close());

  it('lists the hand-computed items of the municipality only, narrowed in SQL', () => {
    const worklist = new WorklistQueries(documents, () => NOW, CONTEXT.policy).worklist('0630');
    expect(worklist.items.map((item) => [item.dueOn, item.kind, item.subject.id, item.overdue, item.assignee])).toEqual(EXPECTED);
  });
});
