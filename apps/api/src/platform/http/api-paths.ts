/** Paths the API itself answers; everything else that a browser GETs is the console (its SPA routes). */
const API_PREFIXES = ['/v1', '/docs', '/openapi.json', '/health', '/ready'];

export function isApiPath(path: string): boolean {
  return API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}
