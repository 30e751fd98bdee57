// Correctly rounded doubles where JS has no exact operation: the quotient of two big ints (CPython's
// int / int), and x ** y (CPython calls C's pow, which glibc rounds correctly in practice; V8's
// Math.pow is often one unit in the last place off). Both work on exact big integers.

const VIEW = new DataView(new ArrayBuffer(8));

/** A finite nonzero double as [m, e] with |x| = m * 2**e exactly, m an odd positive integer. */
function decompose(x: number): [bigint, number] {
  VIEW.setFloat64(0, Math.abs(x));
  const hi = VIEW.getUint32(0);
  const biased = hi >>> 20;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(VIEW.getUint32(4));
  let e = -1074;
  if (biased !== 0) {
    m |= 1n << 52n;
    e = biased - 1075;
  }
  while ((m & 1n) === 0n) {
    m >>= 1n;
    e++;
  }
  return [m, e];
}

/** The number of bits of x >= 0 (from its hex digits: faster than binary text). */
function bitLength(x: bigint): number {
  if (x === 0n) return 0;
  const hex = x.toString(16);
  return hex.length * 4 - Math.clz32(Number.parseInt(hex[0]!, 16)) + 28;
}

/** q * 2**k as a double, exactly (q has at most 53 bits and the value is representable), or ±Infinity. */
function scale(q: bigint, k: number): number {
  if (k >= 0) return Number(q << BigInt(k));
  let x = Number(q);
  // Two exact divisions by powers of two (2**1074 itself is not a double).
  while (k < 0) {
    const step = Math.max(k, -1000);
    x /= Number(1n << BigInt(-step));
    k -= step;
  }
  return x;
}

/** n / d * 2**s (n >= 0, d > 0) rounded to the nearest double, ties to even, subnormals included; Infinity past the largest. */
export function ratioToDouble(n: bigint, d: bigint, s = 0): number {
  if (n === 0n) return 0;
  // e = floor(log2(n / d)), from the bit lengths and one comparison.
  let e = bitLength(n) - bitLength(d);
  if (e >= 0 ? n < d << BigInt(e) : n << BigInt(-e) < d) e -= 1;
  e += s;
  if (e >= 1024) return Infinity;
  // Keep 53 significant bits (fewer below 2**-1022): q = n * 2**(s - k) / d, rounded half to even.
  const k = Math.max(e - 52, -1074);
  const shift = s - k;
  const num = shift >= 0 ? n << BigInt(shift) : n;
  const den = shift >= 0 ? d : d << BigInt(-shift);
  let q = num / den;
  const twice = (num % den) * 2n;
  if (twice > den || (twice === den && (q & 1n) === 1n)) q += 1n;
  return scale(q, k);
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt((bitLength(n) >> 1) + 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/**
 * v ** w when it is an exact dyadic rational: w = a / 2**b with b <= 6 and |a| <= 1024, and the
 * 2**b-th root of v**a exact. Undefined otherwise (the value is then irrational or not dyadic).
 */
function exactPow(v: number, w: number): number | undefined {
  let b = 0;
  let a = w;
  while (!Number.isInteger(a) && b < 6) [a, b] = [a * 2, b + 1];
  if (!Number.isInteger(a) || Math.abs(a) > 1024) return undefined;
  const [m, e] = decompose(v);
  let p = m ** BigInt(Math.abs(a));
  let exp = e * Math.abs(a);
  for (let i = 0; i < b; i++) {
    const r = isqrt(p);
    if (r * r !== p || exp % 2 !== 0) return undefined;
    p = r;
    exp /= 2;
  }
  return a > 0 ? ratioToDouble(p, 1n, exp) : ratioToDouble(1n, p, -exp);
}

// Fixed-point logarithm and exponential with f fractional bits: enough that the result rounds
// like the exact value unless it lies within about 2**-40 units in the last place of a midpoint.

/** Σ t**(2i+1) / (2i+1) = atanh(t), for |t| < 1/5 with `one` fractional bits. */
function atanh(t: bigint, one: bigint): bigint {
  const t2 = (t * t) / one;
  let sum = 0n;
  for (let term = t, i = 1n; term !== 0n; term = (term * t2) / one, i += 2n) sum += term / i;
  return sum;
}

const LN2_BITS = 320n;
let ln2Wide: bigint | undefined;

/** ln 2 with f (<= 320) fractional bits: 2 atanh(1/3), computed once. */
function ln2(f: bigint): bigint {
  if (ln2Wide === undefined) {
    const one = 1n << (LN2_BITS + 8n);
    // atanh(1/3) converges more slowly than atanh's other uses, but only runs once.
    const t = one / 3n;
    const t2 = (t * t) / one;
    let sum = 0n;
    for (let term = t, i = 1n; term !== 0n; term = (term * t2) / one, i += 2n) sum += term / i;
    ln2Wide = (2n * sum) >> 8n;
  }
  return ln2Wide >> (LN2_BITS - f);
}

/** ln(v) with f fractional bits, for a positive finite double v. */
function ln(v: number, f: bigint): bigint {
  const [m, e] = decompose(v);
  const n = bitLength(m);
  // v = x * 2**k with x = m / 2**(n-1) in [1, 2), moved to [√2/2, √2) so atanh's series converges fast.
  const one = 1n << f;
  let k = e + n - 1;
  let x = (m << f) >> BigInt(n - 1);
  if (x * 10000n > one * 14142n) {
    x >>= 1n;
    k += 1;
  }
  return BigInt(k) * ln2(f) + 2n * atanh(((x - one) * one) / (x + one), one);
}

const HALVINGS = 8n;

/** exp(y) for y with f fractional bits, as [E, k] with exp(y) = E / 2**f * 2**k. */
function exp(y: bigint, f: bigint): [bigint, number] {
  const one = 1n << f;
  const k = y / ln2(f);
  // exp(r) = exp(r / 256) ** 256, with |r / 256| < 0.003 so the series is short.
  const r = (y - k * ln2(f)) >> HALVINGS;
  let sum = one;
  for (let term = one, i = 1n; term !== 0n; i++) {
    term = (term * r) / (one * i);
    sum += term;
  }
  for (let i = 0n; i < HALVINGS; i++) sum = (sum * sum) >> f;
  return [sum, Number(k)];
}

/** v ** w for positive finite v != 1 and finite nonzero w, correctly rounded; Infinity on overflow. */
export function powDouble(v: number, w: number): number {
  // Far outside the double range the result is Infinity or 0 whatever the rounding.
  const estimate = w * Math.log(v);
  if (estimate > 720) return Infinity;
  if (estimate < -760) return 0;
  // Single IEEE operations are correctly rounded already.
  if (w === 1) return v;
  if (w === 2) return v * v;
  if (w === -1) return 1 / v;
  if (w === 0.5) return Math.sqrt(v);
  const exact = exactPow(v, w);
  if (exact !== undefined) return exact;
  // Bits: 53 kept, about 40 of margin, 11 for ln's k*ln2 term, 8 lost squaring, and |w|'s magnitude
  // (y's absolute error is |w| times ln's).
  const f = BigInt(120 + Math.max(0, Math.ceil(Math.log2(Math.abs(w)))));
  const [mw, ew] = decompose(w);
  let y = ln(v, f) * mw;
  y = ew >= 0 ? y << BigInt(ew) : y / (1n << BigInt(-ew));
  if (w < 0) y = -y;
  const [e, k] = exp(y, f);
  return ratioToDouble(e, 1n, k - Number(f));
}
