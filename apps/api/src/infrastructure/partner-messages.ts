import type { CommandExecutor } from '../platform/commands/command-gateway';
import { PartnerMessageDispatcher } from '../federation/partner-message-dispatcher';
import { offerPartnerMessages } from '../offers';
import { profileViewPartnerMessages, type OpenSealed } from '../profile-views';
import { requestPartnerMessages } from '../requests';

/** The capabilities' partner-message mappers, registered with federation's dispatcher (federation imports no capability). */
export function partnerMessageDispatcher(gateway: CommandExecutor, openSealed: OpenSealed): PartnerMessageDispatcher {
  return new PartnerMessageDispatcher(gateway, [offerPartnerMessages, requestPartnerMessages, profileViewPartnerMessages(openSealed)]);
}
