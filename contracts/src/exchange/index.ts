// Per topic one module: its key, the versioned union of its messages and the payload registry.
export * from './topic';
export * from './envelope.schemas';
export * from './sealed-box.schemas';
export * from './pool.schemas';
export * from './pool.topic';
export * from './directory.topic';
export * from './requests.topic';
export * from './offers.topic';
export * from './disclosures.topic';
