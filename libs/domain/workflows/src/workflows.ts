import { approvalExpiry } from './approval-expiry/approval-expiry';
import { assignmentEnding } from './assignment-ending/assignment-ending';
import { contactReleaseAudit } from './contact-release-audit/contact-release-audit';
import { closedPartnerRequest } from './closed-partner-request/closed-partner-request';
import { networkFamily } from './network-family/network-family';
import { ownPlacement } from './own-placement/own-placement';
import { ownerAcceptance } from './owner-acceptance/owner-acceptance';
import type { AnyProcessManager } from './process-manager';
import { requestExpiry } from './request-expiry/request-expiry';

/** Every workflow the runner drives. A new one starts by folding the history it missed, acting only on what follows. */
export const processManagers: readonly AnyProcessManager[] = [ownerAcceptance, closedPartnerRequest, assignmentEnding, approvalExpiry, requestExpiry, ownPlacement, networkFamily, contactReleaseAudit];
