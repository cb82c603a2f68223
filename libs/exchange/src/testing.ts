// The shared contract suite, for adapters' spec files (uses Jest's globals): `@familybank/exchange/testing`.
export { describeExchangeContract, type ExchangeHarness } from './contract/exchange.contract';
