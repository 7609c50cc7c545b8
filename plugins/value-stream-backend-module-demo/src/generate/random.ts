/** FNV-1a: turns a text seed (e.g. `42|payments-api|item|7`) into 32 bits. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // murmur3's finaliser: seeds that differ in one character end up far apart.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** mulberry32: a small, fast PRNG with a 32-bit state; floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bounds and shape of a log-normal draw: `median × e^(sigma × N(0,1))`, clamped. */
export interface LogNormal {
  median: number;
  sigma: number;
  min: number;
  max: number;
}

/**
 * Seeded random draws. Each independent thing (a service's arrivals, one
 * item, a service's deployments) gets its own stream named by its parts, so
 * adding or removing one never shifts the draws of another.
 */
export class Rng {
  private readonly next: () => number;

  constructor(...parts: Array<string | number>) {
    this.next = mulberry32(hashSeed(parts.join('|')));
  }

  float(): number {
    return this.next();
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)];
  }

  /** A key of `weights`, each with probability proportional to its weight. */
  weighted<K extends string>(weights: Record<K, number>): K {
    const entries = Object.entries(weights) as Array<[K, number]>;
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1][0];
  }

  /** Standard normal draw (Box–Muller). */
  normal(): number {
    const u = 1 - this.next(); // (0, 1]: log(0) is not an option
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  logNormal({ median, sigma, min, max }: LogNormal): number {
    const value = median * Math.exp(sigma * this.normal());
    return Math.min(max, Math.max(min, value));
  }

  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** Lower-case hex string, e.g. a commit sha with `hex(40)`. */
  hex(length: number): string {
    let out = '';
    while (out.length < length) {
      out += Math.floor(this.next() * 0x100000000)
        .toString(16)
        .padStart(8, '0');
    }
    return out.slice(0, length);
  }
}
