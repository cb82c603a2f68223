import { unwrap, type Schemas } from '@familybank/api-client';
import { useCallback, useMemo } from 'react';
import { useLoad } from './hooks';
import { useApi, useSession } from './session';

type DirectoryEntry = Pick<Schemas['DirectoryEntry'], 'code' | 'name'>;

/** Code → name, from the exchange's directory; one's own municipality by the name it signed in with. */
export function municipalityNames(directory: readonly DirectoryEntry[], own?: { municipality: string; municipalityName?: string }): Record<string, string> {
  const names = Object.fromEntries(directory.map((entry) => [entry.code, entry.name]));
  if (own?.municipalityName) names[own.municipality] = own.municipalityName;
  return names;
}

/** A municipality as caseworkers know it, "Roskilde (0265)"; the bare code when its name is not known. */
export function municipalityLabel(code: string, names: Readonly<Record<string, string>>): string {
  const name = names[code];
  return name && name !== code ? `${name} (${code})` : code;
}

/**
 * Names municipalities by code, for screens whose API answers carry codes only (an assignment's
 * partner, the partners asked). The directory is the API's own read model of who announced itself
 * on the exchange; until it is read, or if it cannot be, the codes show.
 */
export function useMunicipalityLabel(): (code: string) => string {
  const api = useApi();
  const { session } = useSession();
  const directory = useLoad(async () => unwrap(api.GET('/v1/directory', {})), [api]);
  const names = useMemo(() => municipalityNames(directory.data?.items ?? [], session), [directory.data, session]);
  return useCallback((code: string) => municipalityLabel(code, names), [names]);
}
