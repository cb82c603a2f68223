import type { RecordedEvent } from '@familybank/event-store';

/**
 * A read model as a pure fold: `evolve(document | null, event) → document | null` (null deletes).
 * The runner stores documents and the projection's checkpoint; the projection itself touches nothing.
 */
export interface Projection<Doc = unknown> {
  name: string;
  /** Bump when the documents' shape or meaning changes: the runner then rebuilds this projection. */
  version: number;
  collection: string;
  /** Stream id prefix of the aggregate it reads (e.g. `family-`): event type names repeat across aggregates. */
  streamPrefix: string;
  handles: ReadonlySet<string>;
  documentId(event: RecordedEvent): string;
  evolve(document: Doc | null, event: RecordedEvent): Doc | null;
}
