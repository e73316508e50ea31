// P-256 group arithmetic for the node's ballot verifier, on the OpenSSL that
// Node.js itself links and exports (its x86-64 P-256 code is ~100x the pure-JS
// noble-curves one here). Two functions, both treating their input as
// hostile: every point must be a 65-byte uncompressed SEC1 encoding (prefix
// 0x04, coordinates below p, on the curve; P-256 has cofactor 1, so on the
// curve means in the group); a bad one is reported by its index, never used.
//
//   combination(points, scalars, base) -> 1 | 0 | -(i+1)
//     points: Uint8Array of n*65 bytes; scalars: n*32 bytes big-endian, each
//     below the group order; base: 32 bytes. 1 when
//     sum_i scalars[i]*points[i] + base*G is the identity, 0 when it is not,
//     -(i+1) when point i is invalid. One EC_POINTs_mul: OpenSSL shares the
//     doublings between the points and uses its fixed table for G.
//
//   sumSlots(points, slots) -> Uint8Array | -(i+1)
//     points: rows*slots*65 bytes, row by row; returns slots*65 bytes, slot k
//     the sum of column k, uncompressed; an identity sum is 65 zero bytes.
//
// EC_POINTs_mul is deprecated in OpenSSL 3 (no replacement takes several
// points) but exported by every Node.js 20+; the TypeScript side falls back to
// pure JS when this addon is absent or does not load.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <node_api.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/obj_mac.h>
#include <stdlib.h>

#define POINT_BYTES 65
#define SCALAR_BYTES 32
// Bounds the memory one call may take, whatever the caller passes.
#define MAX_POINTS (1 << 20)

typedef struct {
  EC_GROUP *group;
  // The same curve on OpenSSL's generic Montgomery method, for sums: its
  // affine conversion skips the inversion for a point already made affine
  // (the P-256 method's always inverts), so EC_POINTs_make_affine pays off.
  EC_GROUP *sums;
} Instance;

static void freeInstance(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  Instance *instance = data;
  EC_GROUP_free(instance->group);
  EC_GROUP_free(instance->sums);
  free(instance);
}

static napi_value throwType(napi_env env, const char *message) {
  napi_throw_type_error(env, NULL, message);
  return NULL;
}

static int bytesArg(napi_env env, napi_value value, unsigned char **data, size_t *length) {
  bool is;
  if (napi_is_typedarray(env, value, &is) != napi_ok || !is) return 0;
  napi_typedarray_type type;
  void *raw;
  napi_value buffer;
  size_t offset;
  if (napi_get_typedarray_info(env, value, &type, length, &raw, &buffer, &offset) != napi_ok) return 0;
  if (type != napi_uint8_array) return 0;
  *data = raw;
  return 1;
}

// Parses one encoding; 0 when it is not an uncompressed point of the group.
static int readPoint(const EC_GROUP *group, EC_POINT *point, const unsigned char *bytes, BN_CTX *ctx) {
  if (bytes[0] != 0x04) return 0;  // refuse compressed and hybrid forms
  // oct2point checks both coordinates are below p and the point is on the curve.
  return EC_POINT_oct2point(group, point, bytes, POINT_BYTES, ctx);
}

static napi_value int32(napi_env env, int32_t value) {
  napi_value out;
  napi_create_int32(env, value, &out);
  return out;
}

static napi_value Combination(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  Instance *instance;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, (void **)&instance) != napi_ok || argc != 3) {
    return throwType(env, "combination(points, scalars, base)");
  }
  unsigned char *pointBytes, *scalarBytes, *baseBytes;
  size_t pointLength, scalarLength, baseLength;
  if (!bytesArg(env, argv[0], &pointBytes, &pointLength) || !bytesArg(env, argv[1], &scalarBytes, &scalarLength) ||
      !bytesArg(env, argv[2], &baseBytes, &baseLength)) {
    return throwType(env, "combination takes three Uint8Arrays");
  }
  size_t n = pointLength / POINT_BYTES;
  if (pointLength % POINT_BYTES != 0 || scalarLength != n * SCALAR_BYTES || baseLength != SCALAR_BYTES ||
      n > MAX_POINTS) {
    return throwType(env, "combination: n*65 point bytes, n*32 scalar bytes, 32 base bytes");
  }
  const EC_GROUP *group = instance->group;
  BN_CTX *ctx = BN_CTX_new();
  EC_POINT **points = calloc(n + 1, sizeof(EC_POINT *));
  BIGNUM **scalars = calloc(n + 1, sizeof(BIGNUM *));
  BIGNUM *base = BN_bin2bn(baseBytes, SCALAR_BYTES, NULL);
  EC_POINT *result = EC_POINT_new(group);
  int32_t answer = -1 - (int32_t)MAX_POINTS;  // "internal failure" unless set below
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
  if (answer == -1 - (int32_t)MAX_POINTS) {
    napi_throw_error(env, NULL, "OpenSSL failed to compute the combination");
    return NULL;
  }
  return int32(env, answer);
}

static napi_value SumSlots(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  Instance *instance;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, (void **)&instance) != napi_ok || argc != 2) {
    return throwType(env, "sumSlots(points, slots)");
  }
  unsigned char *pointBytes;
  size_t pointLength;
  int32_t slots;
  if (!bytesArg(env, argv[0], &pointBytes, &pointLength) || napi_get_value_int32(env, argv[1], &slots) != napi_ok) {
    return throwType(env, "sumSlots takes a Uint8Array and a number");
  }
  size_t n = pointLength / POINT_BYTES;
  if (slots < 1 || slots > MAX_POINTS || pointLength % POINT_BYTES != 0 || n % (size_t)slots != 0 || n > MAX_POINTS) {
    return throwType(env, "sumSlots: rows*slots*65 point bytes");
  }
  const EC_GROUP *group = instance->sums;
  size_t width = (size_t)slots;
  unsigned char *out = calloc(width, POINT_BYTES);
  EC_POINT **sums = calloc(width, sizeof(EC_POINT *));
  BN_CTX *ctx = BN_CTX_new();
  EC_POINT *point = EC_POINT_new(group);
  int32_t answer = 0;  // 0: done; -(i+1): point i invalid; 1: internal failure
  if (out == NULL || sums == NULL || ctx == NULL || point == NULL) answer = 1;
  for (size_t k = 0; answer == 0 && k < width; k++) {
    sums[k] = EC_POINT_new(group);
    if (sums[k] == NULL || !EC_POINT_set_to_infinity(group, sums[k])) answer = 1;
  }
  for (size_t i = 0; answer == 0 && i < n; i++) {
    if (!readPoint(group, point, pointBytes + i * POINT_BYTES, ctx)) answer = -1 - (int32_t)i;
    else if (!EC_POINT_add(group, sums[i % width], sums[i % width], point, ctx)) answer = 1;
  }
  // One field inversion for all the sums (Montgomery's trick) instead of one
  // per sum when each is encoded.
  if (answer == 0 && !EC_POINTs_make_affine(group, width, sums, ctx)) answer = 1;
  for (size_t k = 0; answer == 0 && k < width; k++) {
    if (EC_POINT_is_at_infinity(group, sums[k])) continue;  // stays 65 zero bytes
    if (EC_POINT_point2oct(group, sums[k], POINT_CONVERSION_UNCOMPRESSED, out + k * POINT_BYTES, POINT_BYTES, ctx) !=
        POINT_BYTES)
      answer = 1;
  }
  napi_value result = NULL;
  if (answer == 0) {
    void *copy;
    napi_create_buffer_copy(env, width * POINT_BYTES, out, &copy, &result);
  }
  if (sums != NULL)
    for (size_t k = 0; k < width; k++) EC_POINT_free(sums[k]);
  free(sums);
  free(out);
  EC_POINT_free(point);
  BN_CTX_free(ctx);
  if (answer == 1) {
    napi_throw_error(env, NULL, "OpenSSL failed to add the points");
    return NULL;
  }
  return answer < 0 ? int32(env, answer) : result;
}

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

NAPI_MODULE_INIT() {
  // One group per thread that loads the addon (worker threads each do).
  Instance *instance = calloc(1, sizeof(Instance));
  if (instance == NULL) return NULL;
  instance->group = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1);
  instance->sums = genericCopy(instance->group);
  if (instance->group == NULL || instance->sums == NULL) {
    EC_GROUP_free(instance->group);
    free(instance);
    napi_throw_error(env, NULL, "OpenSSL has no P-256 group");
    return NULL;
  }
  napi_set_instance_data(env, instance, freeInstance, NULL);
  napi_property_descriptor properties[] = {
      {"combination", NULL, Combination, NULL, NULL, NULL, napi_enumerable, instance},
      {"sumSlots", NULL, SumSlots, NULL, NULL, NULL, napi_enumerable, instance},
  };
  napi_define_properties(env, exports, 2, properties);
  return exports;
}
