import type { CommandReceipt } from '@familybank/contracts';

/**
 * Thrown after a command's events were appended but before the read models showed them: the
 * response says 202 with a receipt (never 500, which would invite a retry that records it twice).
 */
export class RecordedButNotVisible extends Error {
  override readonly name = 'RecordedButNotVisible';
  constructor(
    readonly receipt: CommandReceipt,
    /** Path of the resource the command created, sent as Location. */
    readonly location?: string,
  ) {
    super(receipt.detail);
  }
}
