import type { FamilybankPaths } from '@familybank/api-client';

type Query = NonNullable<FamilybankPaths['/v1/families']['get']['parameters']['query']>;
export interface FamilyFilters {
  q: string;
  postalCode: string;
  competence: string;
  language: string;
  stage: string;
}

/** The filters as the API's query: blank ones left out (an empty `q` would be a 400), the rest trimmed. */
export function searchQuery(filters: FamilyFilters): Query {
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(filters)) {
    const trimmed = value.trim();
    if (trimmed) query[name] = trimmed;
  }
  return query as Query;
}
