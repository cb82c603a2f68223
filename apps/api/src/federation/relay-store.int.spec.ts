import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentStore } from '@familybank/read-models';
import { RelayStore } from './relay-store';

describe('the relay’s own records', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'familybank-relay-store-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps its checkpoint and published versions across reopening, apart from the read models', () => {
    const store = new RelayStore(join(dir, 'outbox.sqlite'));
    expect(store.checkpoint()).toBe(0);
    store.record([{ kind: 'published', record: { municipality: '0265', familyId: 'fam-1', entry: { pseudonym: 'ps-1', familyId: 'fam-1', version: 4 } } }], 17);
    store.record([{ kind: 'published', record: { municipality: '0265', familyId: 'fam-2', entry: { pseudonym: 'ps-2', familyId: 'fam-2', version: 1 } } }, { kind: 'withdrawn', municipality: '0265', familyId: 'fam-1' }]);
    store.close();

    const reopened = new RelayStore(join(dir, 'outbox.sqlite'));
    expect(reopened.checkpoint()).toBe(17);
    expect(reopened.published('0265', 'fam-1')).toBeUndefined();
    expect(reopened.allPublished()).toEqual([{ municipality: '0265', familyId: 'fam-2', entry: { pseudonym: 'ps-2', familyId: 'fam-2', version: 1 } }]);
    reopened.close();
  });

  it('takes over the records an earlier release kept among the read models, once', () => {
    const documents = new DocumentStore(join(dir, 'read-models.sqlite'));
    documents.saveCheckpoint('outbox-relay', 42);
    documents.put('outbox-published-pool', '0265:fam-1', '0265', { pseudonym: 'ps-1', familyId: 'fam-1', version: 3 });
    documents.put('outbox-published-pool', '0265:fam-9', '0265', { pseudonym: 'ps-9' });
    documents.put('outbox-published-pool', '0265:gone', '0265', { pseudonym: 'ps-unknown' });
    const store = new RelayStore(join(dir, 'outbox.sqlite'));
    const familyOf = (municipality: string, pseudonym: string) => (municipality === '0265' && pseudonym === 'ps-9' ? 'fam-9' : undefined);

    store.adoptLegacy(documents, familyOf);
    expect(store.checkpoint()).toBe(42);
    expect(store.allPublished()).toEqual([
      { municipality: '0265', familyId: 'fam-1', entry: { pseudonym: 'ps-1', familyId: 'fam-1', version: 3 } },
      { municipality: '0265', familyId: 'fam-9', entry: { pseudonym: 'ps-9', familyId: 'fam-9' } },
    ]);

    documents.saveCheckpoint('outbox-relay', 50);
    store.record([], 60);
    store.adoptLegacy(documents, familyOf);
    expect(store.checkpoint()).toBe(60);
    store.close();
    documents.close();
  });
});
