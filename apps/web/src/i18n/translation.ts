import type { en } from './locales/en';

/** Every language has exactly English's keys (plural forms included); the compiler and a unit test check it. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Translation = Shape<typeof en>;
