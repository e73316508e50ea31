// combination and sumSlots on the nistz256 assembly. Variable time: the
// inputs are public (this is verification), so the walk may branch on the
// scalars' digits, skip zero scalars and look tables up directly.
//
// combination is Straus's interleaved walk (Shamir's trick for many points)
// over width-w NAFs: one run of ~256 doublings shared by all the points, and
// per point one addition every w+1 bits on average, of a precomputed odd
// multiple ±P, ±3P, .., ±(2^(w-1)-1)P. The tables are made affine (one
// inversion per chunk of points) so that each addition is a mixed one,
// cheaper than a full Jacobian one. G's table is built once, wider.
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "nistz256.h"
#include "p256.h"

// Widths from the costs measured here (ns: mixed addition 103, full
// addition 135, doubling 82, field multiplication 9): a b-bit scalar costs
// ~b/(w+1) mixed additions in the walk and 2^(w-2) - 1 full additions, a
// doubling and 2^(w-2) affine conversions for its table. Width 5 is the
// cheapest from ~232 bits (challenge-sized scalars), 4 below (the batch's
// 128-bit weights). G's table is built once, so wider.
#define WIDE_FROM_BITS 232
#define TABLE (1 << (5 - 2))  // entries per point, for the widest window
#define G_WINDOW 8
#define G_TABLE (1 << (G_WINDOW - 2))
// A wNAF of a value below 2^256 has at most 257 digits.
#define DIGITS 257
// Points per walk: bounds the memory of a call (~100 KB) whatever its size;
// each further chunk costs one more run of doublings.
#define CHUNK 64

typedef struct {
  const Affine *table;  // (2j+1)*P at j
  int8_t digits[DIGITS];
  int length;  // digits from the top nonzero one down
} Term;

static Affine gTable[G_TABLE];
static int ready;
static pthread_once_t once = PTHREAD_ONCE_INIT;

// `count` bits of k from bit `at` (count <= 8, at < 256).
static unsigned bitsAt(const uint64_t k[4], int at, int count) {
  int limb = at >> 6, shift = at & 63;
  uint64_t bits = k[limb] >> shift;
  if (shift + count > 64 && limb < 3) bits |= k[limb + 1] << (64 - shift);
  return (unsigned)(bits & ((1u << count) - 1));
}

static int bitLength(const uint64_t k[4]) {
  for (int i = 3; i >= 0; i--)
    if (k[i] != 0) return 64 * i + 64 - __builtin_clzll(k[i]);
  return 0;
}

// Replaces k by n - k when that is shorter (k*P = (n-k)*(-P)): the batch's
// weights on commitments come as -w mod n, full-size, and go back to 128
// bits. 1 when it did, and the point is to be negated.
static int shorten(uint64_t k[4]) {
  if (!below(HALF_N, k)) return 0;  // k <= (n-1)/2
  subtract(k, N, k);
  return 1;
}

// The width-w NAF of k, a value of `bits` bits: odd digits below 2^(w-1) in
// absolute value, each followed by at least w-1 zeros.
static void wnaf(Term *term, const uint64_t k[4], int bits, int w) {
  memset(term->digits, 0, DIGITS);
  term->length = 0;
  int carry = 0;  // what the digits so far took from the bits still to come
  int at = 0;
  while (at < bits) {
    if ((int)bitsAt(k, at, 1) == carry) {  // bit + carry is even: digit 0
      at++;
      continue;
    }
    int count = 256 - at < w ? 256 - at : w;
    int word = (int)bitsAt(k, at, count) + carry;  // odd
    carry = (word >> (w - 1)) & 1;
    term->digits[at] = (int8_t)(word - (carry << w));
    term->length = at + 1;
    at += count;
  }
  if (carry) {  // at <= 256: count never goes past bit 255
    term->digits[at] = 1;
    term->length = at + 1;
  }
}

// (2j+1)*P for j < count, Jacobian.
static void oddMultiples(Jacobian *out, const Affine *p, size_t count) {
  Jacobian twice;
  memcpy(out[0].X, p->X, sizeof(Fe));
  memcpy(out[0].Y, p->Y, sizeof(Fe));
  memcpy(out[0].Z, ONE, sizeof(Fe));
  ecp.pointDouble(&twice, &out[0]);
  for (size_t j = 1; j < count; j++) ecp.pointAdd(&out[j], &out[j - 1], &twice);
}

static void addDigit(Jacobian *acc, const Affine *table, int digit) {
  if (digit > 0) {
    addAffine(acc, &table[digit >> 1]);
    return;
  }
  Affine negated = table[(-digit) >> 1];
  ecp.neg(negated.Y, negated.Y);
  addAffine(acc, &negated);
}

// acc = sum of the terms' digit expansions times their points.
static void straus(Jacobian *acc, const Term *terms, size_t count) {
  int top = 0;
  for (size_t i = 0; i < count; i++)
    if (terms[i].length > top) top = terms[i].length;
  memset(acc, 0, sizeof(*acc));  // Z = 0: the identity
  for (int at = top - 1; at >= 0; at--) {
    if (!isInfinity(acc)) ecp.pointDouble(acc, acc);
    for (size_t i = 0; i < count; i++) {
      int digit = terms[i].digits[at];
      if (digit != 0) addDigit(acc, terms[i].table, digit);
    }
  }
}

static void setUp(void) {
  if (!nistzLoad()) return;
  Jacobian multiples[G_TABLE];
  Fe prefix[G_TABLE];
  oddMultiples(multiples, &GENERATOR, G_TABLE);
  toAffine(gTable, multiples, G_TABLE, prefix);
  ready = 1;
}

int nistzReady(void) {
  pthread_once(&once, setUp);
  return ready;
}

// The memory of one walk: tables and digits of up to CHUNK points.
typedef struct {
  Jacobian *jacobian;
  Affine *tables;
  Fe *prefix;
  Term *terms;  // CHUNK + 1: the last for G
} Walk;

static void freeWalk(Walk *walk) {
  free(walk->jacobian);
  free(walk->tables);
  free(walk->prefix);
  free(walk->terms);
}

static int allocWalk(Walk *walk, size_t points) {
  size_t entries = (points == 0 ? 1 : points) * TABLE;
  walk->jacobian = malloc(entries * sizeof(Jacobian));
  walk->tables = malloc(entries * sizeof(Affine));
  walk->prefix = malloc(entries * sizeof(Fe));
  walk->terms = malloc((points + 1) * sizeof(Term));
  return walk->jacobian != NULL && walk->tables != NULL && walk->prefix != NULL && walk->terms != NULL;
}

// Parses points [from, to) and makes a term of each with a nonzero scalar;
// -(i+1) for the first invalid point i, else the number of terms.
static int32_t termsOf(Walk *walk, const unsigned char *points, const unsigned char *scalars, size_t from,
                       size_t to) {
  int32_t count = 0;
  for (size_t i = from; i < to; i++) {
    Affine point;
    uint64_t k[4];
    if (!parsePoint(&point, points + i * POINT_BYTES)) return -1 - (int32_t)i;
    readScalar(k, scalars + i * SCALAR_BYTES);
    if (shorten(k)) ecp.neg(point.Y, point.Y);
    int bits = bitLength(k);
    if (bits == 0) continue;
    int w = bits < WIDE_FROM_BITS ? 4 : 5;
    wnaf(&walk->terms[count], k, bits, w);
    walk->terms[count].table = walk->tables + count * TABLE;
    // Entries past 2^(w-2) stay unused, and as identities (Z = 0) cost
    // nothing in toAffine.
    memset(walk->jacobian + count * TABLE, 0, TABLE * sizeof(Jacobian));
    oddMultiples(walk->jacobian + count * TABLE, &point, (size_t)1 << (w - 2));
    count++;
  }
  if (count > 0) toAffine(walk->tables, walk->jacobian, (size_t)count * TABLE, walk->prefix);
  return count;
}

int32_t nistzCombination(const unsigned char *points, const unsigned char *scalars, const unsigned char *base,
                         size_t n) {
  Walk walk;
  if (!allocWalk(&walk, n < CHUNK ? n : CHUNK)) {
    freeWalk(&walk);
    return P256_FAILED;
  }
  Jacobian total, partial;
  memset(&total, 0, sizeof(total));
  size_t from = 0;
  int32_t answer = 0;
  do {  // at least once: n may be 0, and the first walk takes G too
    size_t to = n - from < CHUNK ? n : from + CHUNK;
    int32_t count = termsOf(&walk, points, scalars, from, to);
    if (count < 0) {
      answer = count;
      break;
    }
    if (from == 0) {
      uint64_t k[4];
      readScalar(k, base);
      int negated = shorten(k);
      wnaf(&walk.terms[count], k, bitLength(k), G_WINDOW);
      if (negated)  // G's table is shared: negate the digits instead
        for (int at = 0; at < walk.terms[count].length; at++) walk.terms[count].digits[at] *= -1;
      walk.terms[count].table = gTable;
      count++;
    }
    straus(&partial, walk.terms, (size_t)count);
    ecp.pointAdd(&total, &total, &partial);  // complete: partials may be equal
    from = to;
  } while (from < n);
  if (answer == 0) answer = isInfinity(&total) ? 1 : 0;
  freeWalk(&walk);
  return answer;
}

int32_t nistzSumSlots(const unsigned char *points, size_t n, size_t width, unsigned char *out) {
  Jacobian *sums = calloc(width, sizeof(Jacobian));  // all Z = 0: identities
  if (sums == NULL) return P256_FAILED;
  int32_t answer = 0;
  for (size_t i = 0; answer == 0 && i < n; i++) {
    Affine point;
    if (!parsePoint(&point, points + i * POINT_BYTES)) answer = -1 - (int32_t)i;
    else addAffine(&sums[i % width], &point);
  }
  if (answer == 0 && !encodePoints(out, sums, width)) answer = P256_FAILED;
  free(sums);
  return answer;
}
