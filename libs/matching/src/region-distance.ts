/** 0 the same region, 1 a neighbouring one, 2 anything further or unknown. */
export type RegionDistance = 0 | 1 | 2;
export type RegionDistanceFn = (a: string, b: string) => RegionDistance;

/**
 * Neighbours among the five Danish regions (ISO 3166-2): DK-81 Nordjylland, DK-82 Midtjylland,
 * DK-83 Syddanmark, DK-84 Hovedstaden, DK-85 Sjælland. Neighbouring means a short drive for
 * visits and school, so Midtjylland–Sjælland (across the Kattegat) is not one.
 */
export const DANISH_NEIGHBOUR_REGIONS: ReadonlyArray<readonly [string, string]> = [
  ['DK-81', 'DK-82'],
  ['DK-82', 'DK-83'],
  ['DK-83', 'DK-85'],
  ['DK-84', 'DK-85'],
];

const neighbours = new Set(DANISH_NEIGHBOUR_REGIONS.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));

/** Same region 0, a listed neighbour 1, every other pair (other countries included) 2. */
export const danishRegionDistance: RegionDistanceFn = (a, b) => (a === b ? 0 : neighbours.has(`${a}|${b}`) ? 1 : 2);
