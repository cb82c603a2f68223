import { Logger } from '@nestjs/common';
import { ContactDetails, type z } from '@familybank/contracts';
import { openSealedBox, type SealedBox } from '@familybank/exchange';
import type { MunicipalityIdentities } from '../federation/municipality-identities';
import { disclosureAad } from '../federation/sealing';

/** The associated data binds a sealed disclosure to its sender, recipient and assignment. */

/**
 * Opens the sealed contact details a partner disclosed for an assignment, with the requesting
 * municipality's own private key, only when its caseworkers read the request.
 */
export class DisclosureReader {
  private readonly logger = new Logger('Disclosure');

  constructor(private readonly identities: MunicipalityIdentities) {}

  contactOf(own: string, owner: string, assignmentId: string, sealed: Record<string, unknown> | undefined): { contact?: z.infer<typeof ContactDetails>; householdName?: string } {
    if (!sealed) return {};
    try {
      const plaintext = openSealedBox(sealed as unknown as SealedBox, this.identities.identity(own).encryption.privateKey, disclosureAad(owner, own, assignmentId));
      const parsed = JSON.parse(plaintext.toString('utf8')) as { contact: unknown; householdName: string };
      return { contact: ContactDetails.parse(parsed.contact), householdName: parsed.householdName };
    } catch (error) {
      this.logger.error(`Disclosure for assignment ${assignmentId} cannot be opened: ${(error as Error).message}`);
      return {};
    }
  }
}
