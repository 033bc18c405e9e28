/** Peer group keys of a structure for the quality engine, from its public attributes. Pure. */

/** Town-size band of a commune population. @example sizeBand(12_000) // '10k-50k' */
export function sizeBand(population: number): string {
  return population < 2_000 ? '<2k' : population < 10_000 ? '2k-10k' : population < 50_000 ? '10k-50k' : population < 200_000 ? '50k-200k' : '200k+';
}

/**
 * Peer group keys, finest first: kind × territory type × town size, then kind × territory type, then kind
 * (the engine falls back to a coarser key when a group is too small).
 * @example peerGroupKeys({ kind: 'CS', territoryType: 'urban', communePopulation: 12_000 }) // ['CS|urban|10k-50k', 'CS|urban', 'CS']
 */
export function peerGroupKeys(s: { kind: string; territoryType: string; communePopulation: number }): string[] {
  return [`${s.kind}|${s.territoryType}|${sizeBand(s.communePopulation)}`, `${s.kind}|${s.territoryType}`, s.kind];
}
