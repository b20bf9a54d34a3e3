package io.kvmsdk.storage.ceph.internal;

/**
 * CRUSH's hash functions: Robert Jenkins' 32-bit mix over 2, 3 or 4 words (CRUSH hash type 0,
 * {@code rjenkins1}; any other type hashes to 0, as in Ceph), and the fixed-point natural log that
 * straw2 draws are made of. Everything is unsigned 32-bit arithmetic carried in Java ints.
 */
public final class CrushHash {
  private CrushHash() {}

  /** The only hash type CRUSH defines: {@code rjenkins1}. */
  public static final int RJENKINS1 = 0;

  private static final int SEED = 1315423911;
  private static final int X0 = 231232;
  private static final int Y0 = 1232;

  /** Hash of 2 words with {@code type} (0 = rjenkins1; others give 0). */
  public static int hash2(int type, int a, int b) {
    if (type != RJENKINS1) return 0;
    int h = SEED ^ a ^ b;
    int x = X0;
    int y = Y0;
    // mix(a, b, h)
    a -= b; a -= h; a ^= h >>> 13;
    b -= h; b -= a; b ^= a << 8;
    h -= a; h -= b; h ^= b >>> 13;
    a -= b; a -= h; a ^= h >>> 12;
    b -= h; b -= a; b ^= a << 16;
    h -= a; h -= b; h ^= b >>> 5;
    a -= b; a -= h; a ^= h >>> 3;
    b -= h; b -= a; b ^= a << 10;
    h -= a; h -= b; h ^= b >>> 15;
    // mix(x, a, h)
    x -= a; x -= h; x ^= h >>> 13;
    a -= h; a -= x; a ^= x << 8;
    h -= x; h -= a; h ^= a >>> 13;
    x -= a; x -= h; x ^= h >>> 12;
    a -= h; a -= x; a ^= x << 16;
    h -= x; h -= a; h ^= a >>> 5;
    x -= a; x -= h; x ^= h >>> 3;
    a -= h; a -= x; a ^= x << 10;
    h -= x; h -= a; h ^= a >>> 15;
    // mix(b, y, h)
    b -= y; b -= h; b ^= h >>> 13;
    y -= h; y -= b; y ^= b << 8;
    h -= b; h -= y; h ^= y >>> 13;
    b -= y; b -= h; b ^= h >>> 12;
    y -= h; y -= b; y ^= b << 16;
    h -= b; h -= y; h ^= y >>> 5;
    b -= y; b -= h; b ^= h >>> 3;
    y -= h; y -= b; y ^= b << 10;
    h -= b; h -= y; h ^= y >>> 15;
    return h;
  }

  /** Hash of 3 words with {@code type} (0 = rjenkins1; others give 0). */
  public static int hash3(int type, int a, int b, int c) {
    if (type != RJENKINS1) return 0;
    int h = SEED ^ a ^ b ^ c;
    int x = X0;
    int y = Y0;
    // mix(a, b, h)
    a -= b; a -= h; a ^= h >>> 13;
    b -= h; b -= a; b ^= a << 8;
    h -= a; h -= b; h ^= b >>> 13;
    a -= b; a -= h; a ^= h >>> 12;
    b -= h; b -= a; b ^= a << 16;
    h -= a; h -= b; h ^= b >>> 5;
    a -= b; a -= h; a ^= h >>> 3;
    b -= h; b -= a; b ^= a << 10;
    h -= a; h -= b; h ^= b >>> 15;
    // mix(c, x, h)
    c -= x; c -= h; c ^= h >>> 13;
    x -= h; x -= c; x ^= c << 8;
    h -= c; h -= x; h ^= x >>> 13;
    c -= x; c -= h; c ^= h >>> 12;
    x -= h; x -= c; x ^= c << 16;
    h -= c; h -= x; h ^= x >>> 5;
    c -= x; c -= h; c ^= h >>> 3;
    x -= h; x -= c; x ^= c << 10;
    h -= c; h -= x; h ^= x >>> 15;
    // mix(y, a, h)
    y -= a; y -= h; y ^= h >>> 13;
    a -= h; a -= y; a ^= y << 8;
    h -= y; h -= a; h ^= a >>> 13;
    y -= a; y -= h; y ^= h >>> 12;
    a -= h; a -= y; a ^= y << 16;
    h -= y; h -= a; h ^= a >>> 5;
    y -= a; y -= h; y ^= h >>> 3;
    a -= h; a -= y; a ^= y << 10;
    h -= y; h -= a; h ^= a >>> 15;
    // mix(b, x, h)
    b -= x; b -= h; b ^= h >>> 13;
    x -= h; x -= b; x ^= b << 8;
    h -= b; h -= x; h ^= x >>> 13;
    b -= x; b -= h; b ^= h >>> 12;
    x -= h; x -= b; x ^= b << 16;
    h -= b; h -= x; h ^= x >>> 5;
    b -= x; b -= h; b ^= h >>> 3;
    x -= h; x -= b; x ^= b << 10;
    h -= b; h -= x; h ^= x >>> 15;
    // mix(y, c, h)
    y -= c; y -= h; y ^= h >>> 13;
    c -= h; c -= y; c ^= y << 8;
    h -= y; h -= c; h ^= c >>> 13;
    y -= c; y -= h; y ^= h >>> 12;
    c -= h; c -= y; c ^= y << 16;
    h -= y; h -= c; h ^= c >>> 5;
    y -= c; y -= h; y ^= h >>> 3;
    c -= h; c -= y; c ^= y << 10;
    h -= y; h -= c; h ^= c >>> 15;
    return h;
  }

  /**
   * {@link #hash3} of {@code (a, b1, c)} and {@code (a, b2, c)} at once, the first in the high and the
   * second in the low 32 bits: two independent dependency chains interleaved, which a superscalar CPU
   * runs in about the time of one (straw2 hashes every item of a bucket with the same x and r).
   */
  public static long hash3Pair(int type, int a, int b1, int b2, int c) {
    if (type != RJENKINS1) return 0;
    int a1 = a, c1 = c, a2 = a, c2 = c;
    int h1 = SEED ^ a ^ b1 ^ c, h2 = SEED ^ a ^ b2 ^ c;
    int x1 = X0, x2 = X0, y1 = Y0, y2 = Y0;
    a1 -= b1; a1 -= h1; a1 ^= h1 >>> 13; a2 -= b2; a2 -= h2; a2 ^= h2 >>> 13;
    b1 -= h1; b1 -= a1; b1 ^= a1 << 8; b2 -= h2; b2 -= a2; b2 ^= a2 << 8;
    h1 -= a1; h1 -= b1; h1 ^= b1 >>> 13; h2 -= a2; h2 -= b2; h2 ^= b2 >>> 13;
    a1 -= b1; a1 -= h1; a1 ^= h1 >>> 12; a2 -= b2; a2 -= h2; a2 ^= h2 >>> 12;
    b1 -= h1; b1 -= a1; b1 ^= a1 << 16; b2 -= h2; b2 -= a2; b2 ^= a2 << 16;
    h1 -= a1; h1 -= b1; h1 ^= b1 >>> 5; h2 -= a2; h2 -= b2; h2 ^= b2 >>> 5;
    a1 -= b1; a1 -= h1; a1 ^= h1 >>> 3; a2 -= b2; a2 -= h2; a2 ^= h2 >>> 3;
    b1 -= h1; b1 -= a1; b1 ^= a1 << 10; b2 -= h2; b2 -= a2; b2 ^= a2 << 10;
    h1 -= a1; h1 -= b1; h1 ^= b1 >>> 15; h2 -= a2; h2 -= b2; h2 ^= b2 >>> 15;
    c1 -= x1; c1 -= h1; c1 ^= h1 >>> 13; c2 -= x2; c2 -= h2; c2 ^= h2 >>> 13;
    x1 -= h1; x1 -= c1; x1 ^= c1 << 8; x2 -= h2; x2 -= c2; x2 ^= c2 << 8;
    h1 -= c1; h1 -= x1; h1 ^= x1 >>> 13; h2 -= c2; h2 -= x2; h2 ^= x2 >>> 13;
    c1 -= x1; c1 -= h1; c1 ^= h1 >>> 12; c2 -= x2; c2 -= h2; c2 ^= h2 >>> 12;
    x1 -= h1; x1 -= c1; x1 ^= c1 << 16; x2 -= h2; x2 -= c2; x2 ^= c2 << 16;
    h1 -= c1; h1 -= x1; h1 ^= x1 >>> 5; h2 -= c2; h2 -= x2; h2 ^= x2 >>> 5;
    c1 -= x1; c1 -= h1; c1 ^= h1 >>> 3; c2 -= x2; c2 -= h2; c2 ^= h2 >>> 3;
    x1 -= h1; x1 -= c1; x1 ^= c1 << 10; x2 -= h2; x2 -= c2; x2 ^= c2 << 10;
    h1 -= c1; h1 -= x1; h1 ^= x1 >>> 15; h2 -= c2; h2 -= x2; h2 ^= x2 >>> 15;
    y1 -= a1; y1 -= h1; y1 ^= h1 >>> 13; y2 -= a2; y2 -= h2; y2 ^= h2 >>> 13;
    a1 -= h1; a1 -= y1; a1 ^= y1 << 8; a2 -= h2; a2 -= y2; a2 ^= y2 << 8;
    h1 -= y1; h1 -= a1; h1 ^= a1 >>> 13; h2 -= y2; h2 -= a2; h2 ^= a2 >>> 13;
    y1 -= a1; y1 -= h1; y1 ^= h1 >>> 12; y2 -= a2; y2 -= h2; y2 ^= h2 >>> 12;
    a1 -= h1; a1 -= y1; a1 ^= y1 << 16; a2 -= h2; a2 -= y2; a2 ^= y2 << 16;
    h1 -= y1; h1 -= a1; h1 ^= a1 >>> 5; h2 -= y2; h2 -= a2; h2 ^= a2 >>> 5;
    y1 -= a1; y1 -= h1; y1 ^= h1 >>> 3; y2 -= a2; y2 -= h2; y2 ^= h2 >>> 3;
    a1 -= h1; a1 -= y1; a1 ^= y1 << 10; a2 -= h2; a2 -= y2; a2 ^= y2 << 10;
    h1 -= y1; h1 -= a1; h1 ^= a1 >>> 15; h2 -= y2; h2 -= a2; h2 ^= a2 >>> 15;
    b1 -= x1; b1 -= h1; b1 ^= h1 >>> 13; b2 -= x2; b2 -= h2; b2 ^= h2 >>> 13;
    x1 -= h1; x1 -= b1; x1 ^= b1 << 8; x2 -= h2; x2 -= b2; x2 ^= b2 << 8;
    h1 -= b1; h1 -= x1; h1 ^= x1 >>> 13; h2 -= b2; h2 -= x2; h2 ^= x2 >>> 13;
    b1 -= x1; b1 -= h1; b1 ^= h1 >>> 12; b2 -= x2; b2 -= h2; b2 ^= h2 >>> 12;
    x1 -= h1; x1 -= b1; x1 ^= b1 << 16; x2 -= h2; x2 -= b2; x2 ^= b2 << 16;
    h1 -= b1; h1 -= x1; h1 ^= x1 >>> 5; h2 -= b2; h2 -= x2; h2 ^= x2 >>> 5;
    b1 -= x1; b1 -= h1; b1 ^= h1 >>> 3; b2 -= x2; b2 -= h2; b2 ^= h2 >>> 3;
    x1 -= h1; x1 -= b1; x1 ^= b1 << 10; x2 -= h2; x2 -= b2; x2 ^= b2 << 10;
    h1 -= b1; h1 -= x1; h1 ^= x1 >>> 15; h2 -= b2; h2 -= x2; h2 ^= x2 >>> 15;
    y1 -= c1; y1 -= h1; y1 ^= h1 >>> 13; y2 -= c2; y2 -= h2; y2 ^= h2 >>> 13;
    c1 -= h1; c1 -= y1; c1 ^= y1 << 8; c2 -= h2; c2 -= y2; c2 ^= y2 << 8;
    h1 -= y1; h1 -= c1; h1 ^= c1 >>> 13; h2 -= y2; h2 -= c2; h2 ^= c2 >>> 13;
    y1 -= c1; y1 -= h1; y1 ^= h1 >>> 12; y2 -= c2; y2 -= h2; y2 ^= h2 >>> 12;
    c1 -= h1; c1 -= y1; c1 ^= y1 << 16; c2 -= h2; c2 -= y2; c2 ^= y2 << 16;
    h1 -= y1; h1 -= c1; h1 ^= c1 >>> 5; h2 -= y2; h2 -= c2; h2 ^= c2 >>> 5;
    y1 -= c1; y1 -= h1; y1 ^= h1 >>> 3; y2 -= c2; y2 -= h2; y2 ^= h2 >>> 3;
    c1 -= h1; c1 -= y1; c1 ^= y1 << 10; c2 -= h2; c2 -= y2; c2 ^= y2 << 10;
    h1 -= y1; h1 -= c1; h1 ^= c1 >>> 15; h2 -= y2; h2 -= c2; h2 ^= c2 >>> 15;
    return ((long) h1 << 32) | (h2 & 0xffffffffL);
  }

  /** Hash of 4 words with {@code type} (0 = rjenkins1; others give 0). */
  public static int hash4(int type, int a, int b, int c, int d) {
    if (type != RJENKINS1) return 0;
    int h = SEED ^ a ^ b ^ c ^ d;
    int x = X0;
    int y = Y0;
    // mix(a, b, h)
    a -= b; a -= h; a ^= h >>> 13;
    b -= h; b -= a; b ^= a << 8;
    h -= a; h -= b; h ^= b >>> 13;
    a -= b; a -= h; a ^= h >>> 12;
    b -= h; b -= a; b ^= a << 16;
    h -= a; h -= b; h ^= b >>> 5;
    a -= b; a -= h; a ^= h >>> 3;
    b -= h; b -= a; b ^= a << 10;
    h -= a; h -= b; h ^= b >>> 15;
    // mix(c, d, h)
    c -= d; c -= h; c ^= h >>> 13;
    d -= h; d -= c; d ^= c << 8;
    h -= c; h -= d; h ^= d >>> 13;
    c -= d; c -= h; c ^= h >>> 12;
    d -= h; d -= c; d ^= c << 16;
    h -= c; h -= d; h ^= d >>> 5;
    c -= d; c -= h; c ^= h >>> 3;
    d -= h; d -= c; d ^= c << 10;
    h -= c; h -= d; h ^= d >>> 15;
    // mix(a, x, h)
    a -= x; a -= h; a ^= h >>> 13;
    x -= h; x -= a; x ^= a << 8;
    h -= a; h -= x; h ^= x >>> 13;
    a -= x; a -= h; a ^= h >>> 12;
    x -= h; x -= a; x ^= a << 16;
    h -= a; h -= x; h ^= x >>> 5;
    a -= x; a -= h; a ^= h >>> 3;
    x -= h; x -= a; x ^= a << 10;
    h -= a; h -= x; h ^= x >>> 15;
    // mix(y, b, h)
    y -= b; y -= h; y ^= h >>> 13;
    b -= h; b -= y; b ^= y << 8;
    h -= y; h -= b; h ^= b >>> 13;
    y -= b; y -= h; y ^= h >>> 12;
    b -= h; b -= y; b ^= y << 16;
    h -= y; h -= b; h ^= b >>> 5;
    y -= b; y -= h; y ^= h >>> 3;
    b -= h; b -= y; b ^= y << 10;
    h -= y; h -= b; h ^= b >>> 15;
    // mix(c, x, h)
    c -= x; c -= h; c ^= h >>> 13;
    x -= h; x -= c; x ^= c << 8;
    h -= c; h -= x; h ^= x >>> 13;
    c -= x; c -= h; c ^= h >>> 12;
    x -= h; x -= c; x ^= c << 16;
    h -= c; h -= x; h ^= x >>> 5;
    c -= x; c -= h; c ^= h >>> 3;
    x -= h; x -= c; x ^= c << 10;
    h -= c; h -= x; h ^= x >>> 15;
    // mix(y, d, h)
    y -= d; y -= h; y ^= h >>> 13;
    d -= h; d -= y; d ^= y << 8;
    h -= y; h -= d; h ^= d >>> 13;
    y -= d; y -= h; y ^= h >>> 12;
    d -= h; d -= y; d ^= y << 16;
    h -= y; h -= d; h ^= d >>> 5;
    y -= d; y -= h; y ^= h >>> 3;
    d -= h; d -= y; d ^= y << 10;
    h -= y; h -= d; h ^= d >>> 15;
    return h;
  }

  /** {@code 2^44 * log2(xin + 1)} in CRUSH's fixed point, for xin in [0, 0xffff]. */
  static long ln(int xin) {
    int x = xin + 1;
    int iexpon = 15;
    if ((x & 0x18000) == 0) {
      int bits = Integer.numberOfLeadingZeros(x & 0x1FFFF) - 16;
      x <<= bits;
      iexpon = 15 - bits;
    }
    int index1 = (x >> 8) << 1;
    long rh = CrushLnTable.RH_LH[index1 - 256];
    long lh = CrushLnTable.RH_LH[index1 + 1 - 256];
    long xl64 = ((long) x * rh) >>> 48; // unsigned 64-bit product, as in C
    long result = (long) iexpon << (12 + 32);
    int index2 = (int) (xl64 & 0xff);
    lh = lh + CrushLnTable.LL[index2];
    lh >>>= (48 - 12 - 32);
    return result + lh;
  }

  /**
   * {@code ln(u) - 2^48} for the low 16 bits of a hash: the (non-positive) numerator of a straw2 draw.
   * Computed from the two small tables rather than looked up in a 512 KiB one: cheaper than the cache
   * misses of the big table on a busy host.
   */
  public static long lnDraw(int u16) { return ln(u16) - 0x1000000000000L; }
}
