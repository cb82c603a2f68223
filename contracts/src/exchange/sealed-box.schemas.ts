import { z } from '../zod';

/**
 * A box only the recipient's X25519 private key opens (see @familybank/exchange sealed-box), with
 * the fingerprint of the key it was sealed to, so a recipient that rotated its key can say why it
 * cannot open it.
 */
export const SealedBoxSchema = z.strictObject({
  alg: z.literal('X25519-HKDF-SHA256-A256GCM'),
  ephemeralPublicKey: z.string().max(100),
  nonce: z.string().max(40),
  ciphertext: z.string().max(20_000),
  tag: z.string().max(40),
  recipientKeyFingerprint: z.string().max(100),
});
export type SealedBoxMessage = z.infer<typeof SealedBoxSchema>;
