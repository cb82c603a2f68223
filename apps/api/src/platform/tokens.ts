/** Injection tokens of the ports and shared services. */
export const EVENT_STORE = Symbol('EventStore');
export const CLOCK = 'CLOCK';
export type Clock = () => Date;
