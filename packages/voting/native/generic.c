// The fallback path, on OpenSSL's public EC API: used wherever the node
// binary does not export the nistz256 assembly (another CPU, another build).
// This is the addon's original code, unchanged in what it computes.
//
// EC_POINTs_mul is deprecated in OpenSSL 3 (no replacement takes several
// points) but exported by every Node.js 20+.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/obj_mac.h>
#include <stdlib.h>

#include "p256.h"

struct Generic {
  EC_GROUP *group;
  // The same curve on OpenSSL's generic Montgomery method, for sums: its
  // affine conversion skips the inversion for a point already made affine
  // (the P-256 method's always inverts), so EC_POINTs_make_affine pays off.
  EC_GROUP *sums;
};

// The curve y^2 = x^3 + ax + b over GF(p) of `named`, on the generic method.
static EC_GROUP *genericCopy(const EC_GROUP *named) {
  if (named == NULL) return NULL;
  BIGNUM *p = BN_new(), *a = BN_new(), *b = BN_new();
  EC_GROUP *generic = NULL;
  if (p != NULL && a != NULL && b != NULL && EC_GROUP_get_curve(named, p, a, b, NULL))
    generic = EC_GROUP_new_curve_GFp(p, a, b, NULL);
  BN_free(p);
  BN_free(a);
  BN_free(b);
  return generic;
}

Generic *genericNew(void) {
  Generic *generic = calloc(1, sizeof(Generic));
  if (generic == NULL) return NULL;
  generic->group = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1);
  generic->sums = genericCopy(generic->group);
  if (generic->group == NULL || generic->sums == NULL) {
    genericFree(generic);
    return NULL;
  }
  return generic;
}

void genericFree(Generic *generic) {
  if (generic == NULL) return;
  EC_GROUP_free(generic->group);
  EC_GROUP_free(generic->sums);
  free(generic);
}

// Parses one encoding; 0 when it is not an uncompressed point of the group.
static int readPoint(const EC_GROUP *group, EC_POINT *point, const unsigned char *bytes, BN_CTX *ctx) {
  if (bytes[0] != 0x04) return 0;  // refuse compressed and hybrid forms
  // oct2point checks both coordinates are below p and the point is on the curve.
  return EC_POINT_oct2point(group, point, bytes, POINT_BYTES, ctx);
}

// One EC_POINTs_mul: OpenSSL shares the doublings between the points and uses
// its fixed table for G. Scalars of any size are reduced modulo the order.
int32_t genericCombination(const Generic *generic, const unsigned char *pointBytes, const unsigned char *scalarBytes,
                           const unsigned char *baseBytes, size_t n) {
  const EC_GROUP *group = generic->group;
  BN_CTX *ctx = BN_CTX_new();
  EC_POINT **points = calloc(n + 1, sizeof(EC_POINT *));
  BIGNUM **scalars = calloc(n + 1, sizeof(BIGNUM *));
  BIGNUM *base = BN_bin2bn(baseBytes, SCALAR_BYTES, NULL);
  EC_POINT *result = EC_POINT_new(group);
  int32_t answer = P256_FAILED;
  if (ctx == NULL || points == NULL || scalars == NULL || base == NULL || result == NULL) goto done;
  for (size_t i = 0; i < n; i++) {
    points[i] = EC_POINT_new(group);
    scalars[i] = BN_bin2bn(scalarBytes + i * SCALAR_BYTES, SCALAR_BYTES, NULL);
    if (points[i] == NULL || scalars[i] == NULL) goto done;
    if (!readPoint(group, points[i], pointBytes + i * POINT_BYTES, ctx)) {
      answer = -1 - (int32_t)i;
      goto done;
    }
  }
  if (!EC_POINTs_mul(group, result, base, n, (const EC_POINT **)points, (const BIGNUM **)scalars, ctx)) goto done;
  answer = EC_POINT_is_at_infinity(group, result) ? 1 : 0;
done:
  if (points != NULL)
    for (size_t i = 0; i < n; i++) EC_POINT_free(points[i]);
  if (scalars != NULL)
    for (size_t i = 0; i < n; i++) BN_free(scalars[i]);
  free(points);
  free(scalars);
  BN_free(base);
  EC_POINT_free(result);
  BN_CTX_free(ctx);
  return answer;
}

int32_t genericSumSlots(const Generic *generic, const unsigned char *pointBytes, size_t n, size_t width,
                        unsigned char *out) {
  const EC_GROUP *group = generic->sums;
  EC_POINT **sums = calloc(width, sizeof(EC_POINT *));
  BN_CTX *ctx = BN_CTX_new();
  EC_POINT *point = EC_POINT_new(group);
  int32_t answer = 0;
  if (sums == NULL || ctx == NULL || point == NULL) answer = P256_FAILED;
  for (size_t k = 0; answer == 0 && k < width; k++) {
    sums[k] = EC_POINT_new(group);
    if (sums[k] == NULL || !EC_POINT_set_to_infinity(group, sums[k])) answer = P256_FAILED;
  }
  for (size_t i = 0; answer == 0 && i < n; i++) {
    if (!readPoint(group, point, pointBytes + i * POINT_BYTES, ctx)) answer = -1 - (int32_t)i;
    else if (!EC_POINT_add(group, sums[i % width], sums[i % width], point, ctx)) answer = P256_FAILED;
  }
  // One field inversion for all the sums (Montgomery's trick) instead of one
  // per sum when each is encoded.
  if (answer == 0 && !EC_POINTs_make_affine(group, width, sums, ctx)) answer = P256_FAILED;
  for (size_t k = 0; answer == 0 && k < width; k++) {
    if (EC_POINT_is_at_infinity(group, sums[k])) continue;  // stays 65 zero bytes
    if (EC_POINT_point2oct(group, sums[k], POINT_CONVERSION_UNCOMPRESSED, out + k * POINT_BYTES, POINT_BYTES, ctx) !=
        POINT_BYTES)
      answer = P256_FAILED;
  }
  if (sums != NULL)
    for (size_t k = 0; k < width; k++) EC_POINT_free(sums[k]);
  free(sums);
  EC_POINT_free(point);
  BN_CTX_free(ctx);
  return answer;
}
