/**
 * A small seeded pseudo-random source (sfc32, seeded through splitmix32), so that the synthetic
 * export is a pure function of its seed: no Math.random, no clock.
 */
export interface Random {
  /** A float in [0, 1) with 53 random bits. */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** `length` lowercase hex digits. */
  hex(length: number): string;
  /** `count` distinct elements of `items`, in random order (count is clamped to items.length). */
  sample<T>(items: readonly T[], count: number): T[];
}

/**
 * A deterministic random source: the same seed always gives the same sequence.
 * @example createRandom(1).int(1, 6) // the same number on every run and every machine
 */
export function createRandom(seed: number): Random {
  let mixState = seed >>> 0;
  const mix = (): number => {
    mixState = (mixState + 0x9e3779b9) | 0;
    return mix32(mixState);
  };
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const u32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) u32();

  const next = (): number => ((u32() >>> 5) * 67108864 + (u32() >>> 6)) / 9007199254740992;
  const int = (min: number, max: number): number => {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
      throw new RangeError(`int(${min}, ${max}): expected two safe integers with min <= max`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError("pick(): the list is empty");
    return items[int(0, items.length - 1)] as T;
  };
  const hex = (length: number): string => {
    let out = "";
    while (out.length < length) {
      const x = u32();
      out += `${HEX[x >>> 24]}${HEX[(x >>> 16) & 255]}${HEX[(x >>> 8) & 255]}${HEX[x & 255]}`;
    }
    return out.length === length ? out : out.slice(0, length);
  };
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const copy = [...items];
    const n = Math.max(0, Math.min(count, copy.length));
    for (let i = 0; i < n; i++) {
      const j = int(i, copy.length - 1);
      const tmp = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = tmp;
    }
    return copy.slice(0, n);
  };
  return { next, int, pick, chance: (p) => next() < p, hex, sample };
}

/**
 * A seed for an independent sub-stream, so one record can be regenerated without replaying the main stream.
 * @example createRandom(deriveSeed(seed, 7, imageIndex))
 */
export function deriveSeed(seed: number, ...parts: readonly number[]): number {
  let h = mix32((seed >>> 0) ^ 0x5bd1e995);
  for (const part of parts) h = mix32((h ^ Math.imul(part >>> 0, 0x27d4eb2d)) + 0x165667b1);
  return h >>> 0;
}

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function mix32(value: number): number {
  let z = value | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}
