import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentStore, ofFamily } from './document-store';

describe('DocumentStore: documents listed per family', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'familybank-documents-'));
    file = join(dir, 'read-models.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const plan = (store: DocumentStore) =>
    (store as unknown as { db: Database.Database }).db
      .prepare("EXPLAIN QUERY PLAN SELECT seq, body FROM documents WHERE collection = ? AND municipality = ? AND (family_id = ?) ORDER BY seq DESC LIMIT ?")
      .all('support', '0630', 'f1', 10) as Array<{ detail: string }>;

  it('a family page is an index look-up, and only documents given a family are in that index', () => {
    const store = new DocumentStore(file);
    store.put('support', 'f1/1', '0630', { familyId: 'f1', kind: 'call' }, 'f1');
    store.put('support', 'f2/1', '0630', { familyId: 'f2', kind: 'call' }, 'f2');
    store.put('support', 'f1/2', '0630', { familyId: 'f1', kind: 'visit' }, 'f1');
    store.put('detail', 'f1', '0630', { familyId: 'f1', stage: 'lead' });
    expect(store.page('support', '0630', { where: ofFamily('f1'), limit: 10 }).items).toEqual([{ familyId: 'f1', kind: 'visit' }, { familyId: 'f1', kind: 'call' }]);
    expect(store.page('detail', '0630', { where: ofFamily('f1'), limit: 10 }).items).toEqual([]);
    expect(plan(store).map((row) => row.detail).join(' ')).toMatch(/USING INDEX documents_by_family/);
    store.close();
  });

  it('a file from before family_id is migrated: the column is filled from the documents, the expression index goes', () => {
    const old = new Database(file);
    old.exec(`
      CREATE TABLE documents (seq INTEGER PRIMARY KEY AUTOINCREMENT, collection TEXT NOT NULL, id TEXT NOT NULL, municipality TEXT NOT NULL, body TEXT NOT NULL, UNIQUE (collection, id));
      CREATE INDEX documents_by_owner ON documents (collection, municipality, seq);
      CREATE INDEX documents_by_family ON documents (collection, municipality, json_extract(body, '$.familyId'), seq);
      INSERT INTO documents (collection, id, municipality, body) VALUES ('support', 'f1/1', '0630', '{"familyId":"f1","kind":"call"}'), ('pool', 'p1', '0630', '{"pseudonym":"p1"}');
    `);
    old.close();
    const store = new DocumentStore(file);
    expect(store.page('support', '0630', { where: ofFamily('f1'), limit: 10 }).items).toEqual([{ familyId: 'f1', kind: 'call' }]);
    expect(store.get('pool', 'p1')?.body).toEqual({ pseudonym: 'p1' });
    const indexes = (store as unknown as { db: Database.Database }).db.prepare("SELECT sql FROM sqlite_master WHERE name = 'documents_by_family'").get() as { sql: string };
    expect(indexes.sql).toMatch(/family_id, seq\) WHERE family_id IS NOT NULL/);
    expect(plan(store).map((row) => row.detail).join(' ')).toMatch(/USING INDEX documents_by_family/);
    store.close();
  });
});
