export { type AppConfig } from './config';
export const AppConfigToken = Symbol('AppConfig');
