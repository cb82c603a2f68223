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
  /** Its documents name a family (`familyId`) and are listed per family: the store indexes them by it (`ofFamily`). */
  listedByFamily?: boolean;
  documentId(event: RecordedEvent): string;
  /** When one event touches several documents (e.g. one per family it names); without it, `[documentId(event)]`. */
  documentIds?(event: RecordedEvent): readonly string[];
  /** `documentId` is the document being folded (the runner passes it; one of `documentIds` when there are several). */
  evolve(document: Doc | null, event: RecordedEvent, documentId?: string): Doc | null;
}
