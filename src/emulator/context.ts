/**
 * Everything one running emulator shares between its HTTP pipeline and its control surface.
 */
import type { ServerClock } from './clock';
import type { FaultRegistry } from './faults';
import type { NonceCache } from './nonces';
import type { Rng } from './prng';
import type { EmulatorState } from './state';

/**
 * The shared parts of one emulator.
 *
 * @example
 * const ctx: EmulatorContext = {state, clock, rng, keys, nonces, faults: new FaultRegistry(), counts: new Map(), timeScale: 60};
 * const control = createControl(ctx);
 */
export interface EmulatorContext {
  state: EmulatorState;
  clock: ServerClock;
  rng: Rng;
  /** Access key id → secret. */
  keys: Map<string, string>;
  nonces: NonceCache;
  faults: FaultRegistry;
  /** Authenticated API requests per action. */
  counts: Map<string, number>;
  timeScale: number;
  /** Request log sink; never given a secret, signature or Authorization header. */
  log?: (line: string) => void;
}
