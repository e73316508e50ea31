// P-256 group arithmetic for the node's ballot verifier, on the OpenSSL that
// Node.js itself links and exports (~100x the pure-JS noble-curves code
// here). Two functions, both treating their input as hostile: every point
// must be a 65-byte uncompressed SEC1 encoding (prefix 0x04, coordinates
// below p, on the curve; P-256 has cofactor 1, so on the curve means in the
// group); a bad one is reported by its index, never used.
//
//   combination(points, scalars, base) -> 1 | 0 | -(i+1)
//     points: Uint8Array of n*65 bytes; scalars: n*32 bytes big-endian, each
//     below the group order (larger ones are reduced); base: 32 bytes. 1 when
//     sum_i scalars[i]*points[i] + base*G is the identity, 0 when it is not,
//     -(i+1) when point i is invalid (the first one).
//
//   sumSlots(points, slots) -> Uint8Array | -(i+1)
//     points: rows*slots*65 bytes, row by row; returns slots*65 bytes, slot k
//     the sum of column k, uncompressed; an identity sum is 65 zero bytes.
//
//   name: 'openssl-nistz256' when both run on OpenSSL's x86-64 P-256
//     assembly (msm.c: a wNAF multi-scalar multiplication of our own, half
//     the time of EC_POINTs_mul on a ballot's batch; sums 4x faster),
//     'openssl' when the node binary does not export it and they run on
//     OpenSSL's public EC API (generic.c).
//   generic: { combination, sumSlots } on the public API whatever `name`
//     says: the reference the tests and benchmarks compare with.
//
// The TypeScript side falls back to pure JS when this addon is absent or
// does not load.
#include <node_api.h>
#include <stdlib.h>

#include "p256.h"

typedef struct Instance Instance;

// The callbacks' data: which path they take.
typedef struct {
  Instance *instance;
  int generic;
} Path;

struct Instance {
  Generic *generic;
  int nistz;  // the assembly path is usable
  Path best, reference;
};

static void freeInstance(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  Instance *instance = data;
  genericFree(instance->generic);
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

static napi_value int32(napi_env env, int32_t value) {
  napi_value out;
  napi_create_int32(env, value, &out);
  return out;
}

static napi_value Combination(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  Path *path;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, (void **)&path) != napi_ok || argc != 3) {
    return throwType(env, "combination(points, scalars, base)");
  }
  unsigned char *points, *scalars, *base;
  size_t pointLength, scalarLength, baseLength;
  if (!bytesArg(env, argv[0], &points, &pointLength) || !bytesArg(env, argv[1], &scalars, &scalarLength) ||
      !bytesArg(env, argv[2], &base, &baseLength)) {
    return throwType(env, "combination takes three Uint8Arrays");
  }
  size_t n = pointLength / POINT_BYTES;
  if (pointLength % POINT_BYTES != 0 || scalarLength != n * SCALAR_BYTES || baseLength != SCALAR_BYTES ||
      n > MAX_POINTS) {
    return throwType(env, "combination: n*65 point bytes, n*32 scalar bytes, 32 base bytes");
  }
  int32_t answer = path->instance->nistz && !path->generic
                       ? nistzCombination(points, scalars, base, n)
                       : genericCombination(path->instance->generic, points, scalars, base, n);
  if (answer == P256_FAILED) {
    napi_throw_error(env, NULL, "OpenSSL failed to compute the combination");
    return NULL;
  }
  return int32(env, answer);
}

static napi_value SumSlots(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  Path *path;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, (void **)&path) != napi_ok || argc != 2) {
    return throwType(env, "sumSlots(points, slots)");
  }
  unsigned char *points;
  size_t pointLength;
  int32_t slots;
  if (!bytesArg(env, argv[0], &points, &pointLength) || napi_get_value_int32(env, argv[1], &slots) != napi_ok) {
    return throwType(env, "sumSlots takes a Uint8Array and a number");
  }
  size_t n = pointLength / POINT_BYTES;
  if (slots < 1 || slots > MAX_POINTS || pointLength % POINT_BYTES != 0 || n % (size_t)slots != 0 || n > MAX_POINTS) {
    return throwType(env, "sumSlots: rows*slots*65 point bytes");
  }
  size_t width = (size_t)slots;
  unsigned char *out = calloc(width, POINT_BYTES);
  int32_t answer = P256_FAILED;
  if (out != NULL)
    answer = path->instance->nistz && !path->generic ? nistzSumSlots(points, n, width, out)
                                                     : genericSumSlots(path->instance->generic, points, n, width, out);
  napi_value result = NULL;
  if (answer == 0) {
    void *copy;
    napi_create_buffer_copy(env, width * POINT_BYTES, out, &copy, &result);
  }
  free(out);
  if (answer == P256_FAILED) {
    napi_throw_error(env, NULL, "OpenSSL failed to add the points");
    return NULL;
  }
  return answer < 0 ? int32(env, answer) : result;
}

static void defineFunctions(napi_env env, napi_value object, Path *path) {
  napi_property_descriptor properties[] = {
      {"combination", NULL, Combination, NULL, NULL, NULL, napi_enumerable, path},
      {"sumSlots", NULL, SumSlots, NULL, NULL, NULL, napi_enumerable, path},
  };
  napi_define_properties(env, object, 2, properties);
}

NAPI_MODULE_INIT() {
  // One instance per thread that loads the addon (worker threads each do);
  // the assembly path's tables are set up once per process.
  Instance *instance = calloc(1, sizeof(Instance));
  if (instance == NULL) return NULL;
  instance->generic = genericNew();
  if (instance->generic == NULL) {
    free(instance);
    napi_throw_error(env, NULL, "OpenSSL has no P-256 group");
    return NULL;
  }
  instance->nistz = nistzReady();
  instance->best = (Path){instance, 0};
  instance->reference = (Path){instance, 1};
  napi_set_instance_data(env, instance, freeInstance, NULL);
  napi_value name, generic;
  napi_create_string_utf8(env, instance->nistz ? "openssl-nistz256" : "openssl", NAPI_AUTO_LENGTH, &name);
  napi_create_object(env, &generic);
  defineFunctions(env, generic, &instance->reference);
  defineFunctions(env, exports, &instance->best);
  napi_property_descriptor properties[] = {
      {"name", NULL, NULL, NULL, NULL, name, napi_enumerable, NULL},
      {"generic", NULL, NULL, NULL, NULL, generic, napi_enumerable, NULL},
  };
  napi_define_properties(env, exports, 2, properties);
  return exports;
}
