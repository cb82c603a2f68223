export * from './exchange.port';
export * from './errors';
export * from './topics';
export { InProcessExchange, type InProcessExchangeOptions } from './in-process/in-process-exchange';
export { generateSigningKeys, publicKeyFingerprint, signEnvelope, verifyEnvelope, type KeyInput, type SigningKeys } from './envelope/signing';
export { decodeEnvelope, encodeEnvelope, type DecodeOptions, type DecodeResult, type RejectionReason } from './envelope/envelope-codec';
export {
  consumeVerified,
  DeadLetterStore,
  MAX_DEAD_LETTER_BYTES,
  type DeadLetter,
  type DeadLetterInput,
  type VerifiedHandler,
  type VerifiedSubscribeOptions,
} from './envelope/dead-letters';
export { generateEncryptionKeys, encryptionKeyFingerprint, seal, open as openSealedBox, SealedBoxError, type EncryptionKeys, type SealedBox } from './sealed/sealed-box';
export { NamespacedExchange } from './namespaced-exchange';
export { KafkaExchange, type KafkaExchangeOptions, type KafkaLogEntry, type ProducerSettings } from './kafka/kafka-exchange';
