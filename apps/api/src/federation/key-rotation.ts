import { Logger } from '@nestjs/common';
import { proveSuccession, type Draft } from '@familybank/exchange';
import type { Clock } from '../platform/tokens';
import { retirementMessage, successorMessage } from './directory-messages';
import type { MunicipalityIdentities, MunicipalityIdentity, RotationState } from './municipality-identities';

export interface RotationPolicy {
  /** A signing key older than this gets a successor; undefined: keys rotate only when told to. */
  maxAgeDays?: number;
  /** How long partners accept both keys before the old one retires. */
  overlapHours: number;
}

export type RotationStep = 'announce-successor' | 'retire';

const HOUR_MS = 60 * 60 * 1000;

/**
 * The next step of a municipality's signing-key rotation, if one is due: a successor when the
 * key is older than the policy allows, the retirement once the successor has been announced for
 * the whole overlap (so every partner had time to record it before the old key stops counting).
 */
export function rotationStep(state: RotationState, now: Date, policy: RotationPolicy): RotationStep | undefined {
  if (state.successorSince !== undefined) return now.getTime() - Date.parse(state.successorSince) >= policy.overlapHours * HOUR_MS ? 'retire' : undefined;
  if (policy.maxAgeDays === undefined) return undefined;
  return now.getTime() - Date.parse(state.signingSince) >= policy.maxAgeDays * 24 * HOUR_MS ? 'announce-successor' : undefined;
}

/** What the rotation needs of the relay: its queue, and signing and publishing as it does. */
export interface RotationPublisher {
  queued(work: () => Promise<void>): Promise<void>;
  publish(identity: MunicipalityIdentity, draft: Draft, correlationId: string, dedupeKey?: string): Promise<void>;
  announcement(identity: MunicipalityIdentity): Draft;
}

/**
 * A municipality's signing-key rotation without downtime, on the directory:
 * 1. a successor key is created (once, kept in the identity file) and announced, signed with the
 *    current key and proven by the successor; the node keeps signing with the current key, and
 *    partners accept both from the moment they record it;
 * 2. after the overlap, the successor signs the retirement of the current key and becomes the
 *    signing key. What the exchange accepted before stays valid for partners (they compare the
 *    exchange's times), nothing signed with the old key afterwards is; then it re-announces.
 */
export class SigningKeyRotation {
  private readonly logger = new Logger('SigningKeys');

  constructor(
    private readonly identities: MunicipalityIdentities,
    private readonly clock: Clock,
    private readonly relay: RotationPublisher,
  ) {}

  announceSuccessor(code: string): Promise<void> {
    return this.relay.queued(async () => {
      const identity = this.identities.beginRotation(code, this.clock());
      const successor = identity.successor!;
      const succession = { code, currentFingerprint: identity.fingerprint, successorFingerprint: successor.fingerprint };
      const draft = successorMessage({ ...succession, successorKey: successor.publicKey, proof: proveSuccession(succession, successor.privateKey) });
      await this.relay.publish(identity, draft, `rotate-${code}`, `successor:${code}:${successor.fingerprint}`);
    });
  }

  retireSigningKey(code: string): Promise<void> {
    return this.relay.queued(async () => {
      const identity = this.identities.identity(code);
      const successor = identity.successor;
      if (!successor) throw new Error(`${code} has announced no successor key: announce one first`);
      const draft = retirementMessage({ code, retiredFingerprint: identity.fingerprint, signingKey: successor.publicKey, fingerprint: successor.fingerprint });
      // Published before the switch: a crash in between leaves the step to be done again, never a key partners do not know.
      await this.relay.publish({ ...identity, signing: successor }, draft, `rotate-${code}`, `retired:${code}:${identity.fingerprint}`);
      const rotated = this.identities.completeRotation(code, this.clock());
      await this.relay.publish(rotated, this.relay.announcement(rotated), `announce-${code}`);
    });
  }

  /** Takes the next step if the policy says one is due (on a timer); resolves to the step taken. */
  async rotateIfDue(code: string, policy: RotationPolicy): Promise<RotationStep | undefined> {
    const step = rotationStep(this.identities.rotationState(code), this.clock(), policy);
    try {
      if (step === 'announce-successor') await this.announceSuccessor(code);
      if (step === 'retire') await this.retireSigningKey(code);
    } catch (error) {
      // The exchange is down, say: the step is due again at the next check.
      this.logger.warn(`Signing-key rotation of ${code} paused: ${(error as Error).message}`);
      return undefined;
    }
    if (step) this.logger.log(`${code}: ${step === 'retire' ? 'old signing key retired, the successor signs from now on' : 'successor key announced; partners accept both during the overlap'}`);
    return step;
  }
}
