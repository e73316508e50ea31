// Field and point helpers on OpenSSL's nistz256 assembly: lookup and
// start-up check, parsing of hostile encodings, inversion, affine output.
#define _GNU_SOURCE  // RTLD_DEFAULT
#define OPENSSL_SUPPRESS_DEPRECATED
#include "nistz256.h"

#include <dlfcn.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/obj_mac.h>
#include <stdlib.h>
#include <string.h>

#include "p256.h"

Nistz ecp;
Fe ONE;
Affine GENERATOR;
static Fe B;      // the curve's b, Montgomery form
static Fe THREE;  // 3, Montgomery form (a = -3)

// p = 2^256 - 2^224 + 2^192 + 2^96 - 1 and the group order n, in limbs.
static const Fe P = {0xffffffffffffffff, 0x00000000ffffffff, 0x0000000000000000, 0xffffffff00000001};
const Fe N = {0xf3b9cac2fc632551, 0xbce6faada7179e84, 0xffffffffffffffff, 0xffffffff00000000};
const Fe HALF_N = {0x79dce5617e3192a8, 0xde737d56d38bcf42, 0x7fffffffffffffff, 0x7fffffff80000000};

static void readFe(Fe out, const unsigned char *bytes) {
  for (int i = 0; i < 4; i++) {
    uint64_t limb = 0;
    for (int j = 0; j < 8; j++) limb = (limb << 8) | bytes[(3 - i) * 8 + j];
    out[i] = limb;
  }
}

static void writeFe(unsigned char *bytes, const Fe a) {
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 8; j++) bytes[(3 - i) * 8 + j] = (unsigned char)(a[i] >> (56 - 8 * j));
}

int below(const Fe a, const Fe m) {
  for (int i = 3; i >= 0; i--)
    if (a[i] != m[i]) return a[i] < m[i];
  return 0;
}

static int equal(const Fe a, const Fe b) { return ((a[0] ^ b[0]) | (a[1] ^ b[1]) | (a[2] ^ b[2]) | (a[3] ^ b[3])) == 0; }

int parsePoint(Affine *out, const unsigned char *bytes) {
  if (bytes[0] != 0x04) return 0;  // refuse compressed and hybrid forms
  Fe x, y;
  readFe(x, bytes + 1);
  readFe(y, bytes + 33);
  if (!below(x, P) || !below(y, P)) return 0;  // one encoding per point
  ecp.toMont(out->X, x);
  ecp.toMont(out->Y, y);
  // y^2 = (x^2 - 3)x + b, all in Montgomery form (both sides fully reduced).
  Fe left, right;
  ecp.sqr(left, out->Y);
  ecp.sqr(right, out->X);
  ecp.sub(right, right, THREE);
  ecp.mul(right, right, out->X);
  ecp.add(right, right, B);
  // On the curve means in the group: P-256 has cofactor 1.
  return equal(left, right);
}

void subtract(uint64_t r[4], const uint64_t a[4], const uint64_t b[4]) {
  uint64_t borrow = 0;
  for (int i = 0; i < 4; i++) {
    uint64_t difference = a[i] - b[i];
    uint64_t next = a[i] < b[i] || difference < borrow;
    r[i] = difference - borrow;
    borrow = next;
  }
}

void readScalar(uint64_t k[4], const unsigned char *bytes) {
  readFe(k, bytes);
  if (!below(k, N)) subtract(k, k, N);
}

void addAffine(Jacobian *acc, const Affine *q) {
  Jacobian sum;
  ecp.pointAddAffine(&sum, acc, q);
  // The mixed addition's Z is acc.Z * (q.x - acc.x): 0 exactly when q = acc
  // or q = -acc. It then answers the identity, wrong for q = acc; the full
  // addition, which doubles or gives the identity, settles both.
  if (isInfinity(&sum) && !isInfinity(acc)) {
    Jacobian full;
    memcpy(full.X, q->X, sizeof(Fe));
    memcpy(full.Y, q->Y, sizeof(Fe));
    memcpy(full.Z, ONE, sizeof(Fe));
    ecp.pointAdd(&sum, acc, &full);
  }
  *acc = sum;
}

static void sqrTimes(Fe r, const Fe a, int times) {
  ecp.sqr(r, a);
  while (--times > 0) ecp.sqr(r, r);
}

// 1/z = z^(p-2) (Fermat), z != 0. p - 2 is, from the top, 32 ones, 31 zeros
// and a one, 96 zeros, 94 ones, a zero and a one; xk = z^(2^k - 1) below.
static void invert(Fe r, const Fe z) {
  Fe x2, x4, x8, x16, x30, x32, t;
  sqrTimes(t, z, 1);
  ecp.mul(x2, t, z);
  sqrTimes(t, x2, 2);
  ecp.mul(x4, t, x2);
  sqrTimes(t, x4, 4);
  ecp.mul(x8, t, x4);
  sqrTimes(t, x8, 8);
  ecp.mul(x16, t, x8);
  sqrTimes(t, x16, 8);
  ecp.mul(t, t, x8);  // x24
  sqrTimes(t, t, 4);
  ecp.mul(t, t, x4);  // x28
  sqrTimes(t, t, 2);
  ecp.mul(x30, t, x2);
  sqrTimes(t, x30, 2);
  ecp.mul(x32, t, x2);
  sqrTimes(t, x32, 32);
  ecp.mul(t, t, z);
  sqrTimes(t, t, 96 + 32);
  ecp.mul(t, t, x32);
  sqrTimes(t, t, 32);
  ecp.mul(t, t, x32);
  sqrTimes(t, t, 30);
  ecp.mul(t, t, x30);
  sqrTimes(t, t, 2);
  ecp.mul(r, t, z);
}

void toAffine(Affine *out, const Jacobian *in, size_t count, Fe *prefix) {
  // Montgomery's trick: prefix[i] is the product of the Z's before i, so
  // 1/Z_i = prefix[i] / (product up to i); one inversion for all.
  Fe product;
  memcpy(product, ONE, sizeof(Fe));
  for (size_t i = 0; i < count; i++) {
    memcpy(prefix[i], product, sizeof(Fe));
    if (!isInfinity(&in[i])) ecp.mul(product, product, in[i].Z);
  }
  invert(product, product);  // from here on, 1 / (product up to i)
  for (size_t i = count; i-- > 0;) {
    if (isInfinity(&in[i])) continue;
    Fe zInverse, scale;
    ecp.mul(zInverse, product, prefix[i]);
    ecp.mul(product, product, in[i].Z);
    ecp.sqr(scale, zInverse);
    ecp.mul(out[i].X, in[i].X, scale);
    ecp.mul(scale, scale, zInverse);
    ecp.mul(out[i].Y, in[i].Y, scale);
  }
}

int encodePoints(unsigned char *out, const Jacobian *points, size_t count) {
  Affine *affine = malloc((count + 1) * sizeof(Affine));
  Fe *prefix = malloc((count + 1) * sizeof(Fe));
  int ok = affine != NULL && prefix != NULL;
  if (ok) toAffine(affine, points, count, prefix);
  for (size_t k = 0; ok && k < count; k++) {
    unsigned char *bytes = out + k * POINT_BYTES;
    if (isInfinity(&points[k])) {
      memset(bytes, 0, POINT_BYTES);
      continue;
    }
    Fe plain;
    bytes[0] = 0x04;
    ecp.fromMont(plain, affine[k].X);
    writeFe(bytes + 1, plain);
    ecp.fromMont(plain, affine[k].Y);
    writeFe(bytes + 33, plain);
  }
  free(affine);
  free(prefix);
  return ok;
}

#define LOOK_UP(field, symbol) ok = ok && (*(void **)&ecp.field = dlsym(RTLD_DEFAULT, symbol)) != NULL

static int lookUp(void) {
  int ok = 1;
  LOOK_UP(mul, "ecp_nistz256_mul_mont");
  LOOK_UP(sqr, "ecp_nistz256_sqr_mont");
  LOOK_UP(add, "ecp_nistz256_add");
  LOOK_UP(sub, "ecp_nistz256_sub");
  LOOK_UP(neg, "ecp_nistz256_neg");
  LOOK_UP(toMont, "ecp_nistz256_to_mont");
  LOOK_UP(fromMont, "ecp_nistz256_from_mont");
  LOOK_UP(pointDouble, "ecp_nistz256_point_double");
  LOOK_UP(pointAdd, "ecp_nistz256_point_add");
  LOOK_UP(pointAddAffine, "ecp_nistz256_point_add_affine");
  return ok;
}

static int sameBignum(const BIGNUM *value, const Fe limbs) {
  unsigned char bytes[32], expected[32];
  writeFe(expected, limbs);
  return BN_bn2binpad(value, bytes, 32) == 32 && memcmp(bytes, expected, 32) == 0;
}

static int halfOfN(void) {
  Fe twice;
  for (int i = 0; i < 4; i++) twice[i] = HALF_N[i] << 1 | (i > 0 ? HALF_N[i - 1] >> 63 : 1);
  return memcmp(twice, N, sizeof(Fe)) == 0;  // 2 * HALF_N + 1 = n
}

// k*G encoded by OpenSSL's public API, the reference for the checks below.
static int referenceMultiple(const EC_GROUP *group, unsigned long k, unsigned char *out) {
  BIGNUM *scalar = BN_new();
  EC_POINT *point = EC_POINT_new(group);
  int ok = scalar != NULL && point != NULL && BN_set_word(scalar, k) &&
           EC_POINT_mul(group, point, scalar, NULL, NULL, NULL) &&
           EC_POINT_point2oct(group, point, POINT_CONVERSION_UNCOMPRESSED, out, POINT_BYTES, NULL) == POINT_BYTES;
  BN_free(scalar);
  EC_POINT_free(point);
  return ok;
}

// The constants, from OpenSSL's P-256 group, and the assumptions the rest
// makes about the assembly, on multiples of G against OpenSSL's public API.
static int setUpAndCheck(const EC_GROUP *group) {
  unsigned char g[POINT_BYTES], twoG[POINT_BYTES], threeG[POINT_BYTES], bytes[32], got[2 * POINT_BYTES];
  BIGNUM *p = BN_new(), *a = BN_new(), *b = BN_new();
  int ok = p != NULL && a != NULL && b != NULL && EC_GROUP_get_curve(group, p, a, b, NULL) && sameBignum(p, P) &&
           sameBignum(EC_GROUP_get0_order(group), N) && halfOfN() && BN_bn2binpad(b, bytes, 32) == 32 &&
           EC_POINT_point2oct(group, EC_GROUP_get0_generator(group), POINT_CONVERSION_UNCOMPRESSED, g, POINT_BYTES,
                              NULL) == POINT_BYTES &&
           referenceMultiple(group, 2, twoG) && referenceMultiple(group, 3, threeG);
  BN_free(p);
  BN_free(a);
  BN_free(b);
  if (!ok) return 0;
  Fe plain = {1, 0, 0, 0};
  ecp.toMont(ONE, plain);
  plain[0] = 3;
  ecp.toMont(THREE, plain);
  readFe(plain, bytes);
  ecp.toMont(B, plain);

  Affine gAffine, minus;
  g[64] ^= 1;
  if (parsePoint(&gAffine, g)) return 0;  // off the curve
  g[64] ^= 1;
  if (!parsePoint(&gAffine, g)) return 0;
  GENERATOR = gAffine;
  Jacobian gPoint = {.Z = {0}}, doubled, added, sum[2];
  memcpy(gPoint.X, gAffine.X, sizeof(Fe));
  memcpy(gPoint.Y, gAffine.Y, sizeof(Fe));
  memcpy(gPoint.Z, ONE, sizeof(Fe));
  ecp.pointDouble(&doubled, &gPoint);
  ecp.pointAdd(&added, &gPoint, &gPoint);  // must take the doubling branch
  sum[0] = doubled;
  sum[1] = added;
  if (!encodePoints(got, sum, 2) || memcmp(got, twoG, POINT_BYTES) || memcmp(got + POINT_BYTES, twoG, POINT_BYTES))
    return 0;
  addAffine(&added, &gAffine);  // 2G + G: the mixed addition
  sum[0] = added;
  if (!encodePoints(got, sum, 1) || memcmp(got, threeG, POINT_BYTES)) return 0;
  minus = gAffine;
  ecp.neg(minus.Y, minus.Y);
  sum[0] = gPoint;
  addAffine(&sum[0], &gAffine);  // G + G, through the fallback to the full addition
  sum[1] = gPoint;
  addAffine(&sum[1], &minus);  // G - G
  if (!encodePoints(got, sum, 2) || memcmp(got, twoG, POINT_BYTES) || !isInfinity(&sum[1])) return 0;
  memcpy(sum[0].X, minus.X, sizeof(Fe));
  memcpy(sum[0].Y, minus.Y, sizeof(Fe));
  memcpy(sum[0].Z, ONE, sizeof(Fe));
  ecp.pointAdd(&sum[1], &gPoint, &sum[0]);  // G + (-G), both Jacobian
  return isInfinity(&sum[1]);
}

int nistzLoad(void) {
  // The Jacobian layout with 4 64-bit limbs is that of OpenSSL's x86-64
  // assembly; other CPUs (and Windows, without dlsym) keep the generic path.
#if defined(__x86_64__) && !defined(_WIN32)
  if (!lookUp()) return 0;
  EC_GROUP *group = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1);
  int ok = group != NULL && setUpAndCheck(group);
  EC_GROUP_free(group);
  return ok;
#else
  return 0;
#endif
}
