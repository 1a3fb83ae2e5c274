/**
 * Memory of signature nonces seen within the timestamp tolerance window, to refuse replays.
 */

/**
 * Remembers nonces per access key until they expire.
 *
 * @example
 * const nonces = new NonceCache(15 * 60_000);
 * nonces.claim('AK', 'n1', Date.now()); // true
 * nonces.claim('AK', 'n1', Date.now()); // false: reused
 */
export class NonceCache {
  private readonly seen = new Map<string, number>();

  /** @param ttlMs How long a nonce stays remembered. */
  constructor(private readonly ttlMs: number) {}

  /** Record a nonce; `false` when it was already used and has not expired. */
  claim(accessKeyId: string, nonce: string, nowMs: number): boolean {
    this.prune(nowMs);
    const key = `${accessKeyId}\n${nonce}`;
    if (this.seen.has(key)) return false;
    this.seen.set(key, nowMs + this.ttlMs);
    return true;
  }

  private prune(nowMs: number): void {
    // Map iteration follows insertion order, which is expiry order for a fixed ttl.
    for (const [key, expires] of this.seen) {
      if (expires > nowMs) break;
      this.seen.delete(key);
    }
  }
}
