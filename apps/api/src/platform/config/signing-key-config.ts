import { z } from 'zod';

/** Signing-key rotation (see docs/operations.md, "Signing-key rotation"); merged into the configuration schema. */
export const SigningKeySettings = {
  /** A municipality's signing key older than this many days gets a successor; unset: no automatic rotation. */
  SIGNING_KEY_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(3650).optional(),
  /** How long partners accept both keys before the old one retires (default 72 h). */
  SIGNING_KEY_OVERLAP_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(72),
};
