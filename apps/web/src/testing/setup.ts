// jsdom lacks what react-router (TextEncoder) and the forms (crypto.randomUUID, for Idempotency-Keys) use.
import { randomUUID } from 'node:crypto';
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextEncoder, TextDecoder });
if (!globalThis.crypto?.randomUUID) Object.defineProperty(globalThis, 'crypto', { value: { ...globalThis.crypto, randomUUID } });
// Designsystemet's web components feature-test with CSS.supports, which jsdom does not have.
if (!('CSS' in globalThis)) Object.assign(globalThis, { CSS: { supports: () => false, escape: (value: string) => value } });
// …and synchronises spinner animations with document.getAnimations.
if (typeof document !== 'undefined' && !document.getAnimations) Object.assign(document, { getAnimations: () => [] });
