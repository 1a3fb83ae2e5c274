/**
 * Seeded pseudo-random numbers (mulberry32) so an emulator run with the same seed and the same requests makes
 * the same fault decisions, request ids and task ids.
 */

/**
 * A deterministic random source.
 *
 * @example
 * const rng: Rng = createRng(42);
 * rng.int(1, 6); // the same roll for seed 42 every run
 * rng.uuid();    // e.g. '3F2A9C1B-...'
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** An upper-case UUID-shaped id, like Alibaba request ids. */
  uuid(): string;
}

/**
 * Create a mulberry32 generator from a 32-bit seed.
 *
 * @example
 * const rng = createRng(42);
 * rng.next(); // always the same first value for seed 42
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const hex = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += int(0, 15).toString(16);
    return s.toUpperCase();
  };
  const uuid = (): string => `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
  return { next, int, uuid };
}
