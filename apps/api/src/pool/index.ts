// The pool capability's public entry: other folders import from here, never from its files.
export { PartnerPoolConsumer } from './partner-pool-consumer';
export { PoolPublication, familyOfPseudonym, type SharingPolicy } from './pool-publication';
