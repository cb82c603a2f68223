export * from './partnership';
