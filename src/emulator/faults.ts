/**
 * Fault injection: per-action rates of failure kinds and latency, decided with the seeded PRNG.
 */
import { EmulatorControlError } from './control-error';

/**
 * Failure rates (probabilities 0..1, summing to at most 1) and latency of one action.
 *
 * @example
 * const faults: FaultConfig = {throttleRate: 0.3, dropRate: 0.1, latencyMs: [20, 200], retryAfterMs: 500};
 * emu.control.setFaults('DescribeTasks', faults);
 */
export interface FaultConfig {
  /** 400 `Throttling.User`. */
  throttleRate?: number;
  /** 500 `InternalError` (JSON body). */
  internalErrorRate?: number;
  /** 503 `ServiceUnavailable` (JSON body). */
  unavailableRate?: number;
  /** 502 with an HTML body (the SDK fails to parse it). */
  htmlErrorRate?: number;
  /** 503 with an empty body. */
  emptyErrorRate?: number;
  /** The socket is destroyed without an answer. */
  dropRate?: number;
  /** Added delay before answering: fixed ms, or [min, max] drawn uniformly. */
  latencyMs?: number | [number, number];
  /** `x-acs-retry-after` (ms) sent with throttling answers. */
  retryAfterMs?: number;
}

/**
 * The failure kinds a request can be given.
 *
 * @example
 * const kind: FaultKind | undefined = decideFault({throttleRate: 1}, 0.5); // 'throttle'
 */
export type FaultKind = 'throttle' | 'internal' | 'unavailable' | 'html' | 'empty' | 'drop';

const RATE_FIELDS: ReadonlyArray<[keyof FaultConfig, FaultKind]> = [
  ['throttleRate', 'throttle'],
  ['internalErrorRate', 'internal'],
  ['unavailableRate', 'unavailable'],
  ['htmlErrorRate', 'html'],
  ['emptyErrorRate', 'empty'],
  ['dropRate', 'drop'],
];

/**
 * Check a fault config; throws `EmulatorControlError` naming the bad field.
 *
 * @example
 * validateFaults({throttleRate: 0.2, latencyMs: [10, 50]});
 */
export function validateFaults(faults: FaultConfig): void {
  if (typeof faults !== 'object' || faults === null) throw new EmulatorControlError('faults', 'must be an object');
  const known = new Set<string>([...RATE_FIELDS.map(([f]) => f), 'latencyMs', 'retryAfterMs']);
  for (const key of Object.keys(faults)) {
    if (!known.has(key)) throw new EmulatorControlError(key, `is not a fault setting (use ${[...known].join(', ')})`);
  }
  let sum = 0;
  for (const [field] of RATE_FIELDS) {
    const rate = faults[field];
    if (rate === undefined) continue;
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) throw new EmulatorControlError(field, 'must be a number in [0, 1]');
    sum += rate;
  }
  if (sum > 1 + 1e-9) throw new EmulatorControlError('faults', `rates sum to ${sum}, more than 1`);
  const latency = faults.latencyMs;
  const okMs = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x) && x >= 0;
  if (latency !== undefined && !(okMs(latency) || (Array.isArray(latency) && latency.length === 2 && okMs(latency[0]) && okMs(latency[1]) && latency[0] <= latency[1]))) {
    throw new EmulatorControlError('latencyMs', 'must be ms >= 0 or [min, max]');
  }
  if (faults.retryAfterMs !== undefined && !okMs(faults.retryAfterMs)) throw new EmulatorControlError('retryAfterMs', 'must be ms >= 0');
}

/**
 * Pick the failure for one request from one uniform draw `r` in [0, 1): each kind owns a slice of [0, 1)
 * as wide as its rate.
 *
 * @example
 * decideFault({throttleRate: 0.5}, 0.3); // 'throttle'
 * decideFault({throttleRate: 0.5}, 0.7); // undefined
 */
export function decideFault(faults: FaultConfig, r: number): FaultKind | undefined {
  let edge = 0;
  for (const [field, kind] of RATE_FIELDS) {
    edge += (faults[field] as number | undefined) ?? 0;
    if (r < edge) return kind;
  }
  return undefined;
}

/**
 * The latency for one request from one uniform draw `r` in [0, 1).
 *
 * @example
 * decideLatency({latencyMs: [100, 200]}, 0.5); // 150
 */
export function decideLatency(faults: FaultConfig, r: number): number {
  const latency = faults.latencyMs;
  if (latency === undefined) return 0;
  if (typeof latency === 'number') return latency;
  return Math.round(latency[0] + (latency[1] - latency[0]) * r);
}

/**
 * The fault settings in force: per action, with `'*'` applying to actions that have none of their own.
 *
 * @example
 * const faults = new FaultRegistry();
 * faults.set('*', {latencyMs: 20});
 * faults.set('DescribeTasks', {throttleRate: 1});
 * faults.forAction('DescribeTasks'); // {throttleRate: 1}
 */
export class FaultRegistry {
  private readonly byAction = new Map<string, FaultConfig>();

  /** Set (validated) or, with `null`, remove the faults of an action or of `'*'`. */
  set(action: string, faults: FaultConfig | null): void {
    if (typeof action !== 'string' || action === '') throw new EmulatorControlError('action', "must be an action name or '*'");
    if (faults === null) {
      this.byAction.delete(action);
      return;
    }
    validateFaults(faults);
    this.byAction.set(action, { ...faults });
  }

  /** Remove every fault setting. */
  clear(): void {
    this.byAction.clear();
  }

  /** The settings that apply to `action`. */
  forAction(action: string): FaultConfig | undefined {
    return this.byAction.get(action) ?? this.byAction.get('*');
  }
}
