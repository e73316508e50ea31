// Shared between the addon's files: p256.c (the N-API functions), generic.c
// (the OpenSSL EC_POINT path, the fallback), nistz256.c (field and point
// arithmetic on OpenSSL's x86-64 assembly, with input parsing) and msm.c (the
// multi-scalar multiplication and the column sums on top of it).
#ifndef TABULARIUM_P256_H
#define TABULARIUM_P256_H

#include <stddef.h>
#include <stdint.h>

#define POINT_BYTES 65
#define SCALAR_BYTES 32
// Bounds the size of one call, whatever the caller passes.
#define MAX_POINTS (1 << 20)
// A kernel's answer when it could not compute one (out of memory, OpenSSL
// error); never a valid answer, since -(i+1) > -1 - MAX_POINTS.
#define P256_FAILED INT32_MIN

// The kernels. Both paths take arguments whose sizes p256.c has checked:
// points holds n*65 bytes, scalars n*32, base 32; for the sums, n is a
// multiple of width and out holds width*65 zeroed bytes. Answers as the
// functions of p256.c: 1 or 0 (combination), 0 (sums written to out),
// -(i+1) for the first invalid point i, P256_FAILED.

// generic.c: OpenSSL's public EC API, on any platform.
typedef struct Generic Generic;
Generic *genericNew(void);
void genericFree(Generic *generic);
int32_t genericCombination(const Generic *generic, const unsigned char *points, const unsigned char *scalars,
                           const unsigned char *base, size_t n);
int32_t genericSumSlots(const Generic *generic, const unsigned char *points, size_t n, size_t width,
                        unsigned char *out);

// msm.c: OpenSSL's nistz256 assembly, when the node binary exports it.
// nistzReady() sets the path up once per process (thread-safe) and says
// whether it can be used; the other two may be called only after it said 1.
int nistzReady(void);
int32_t nistzCombination(const unsigned char *points, const unsigned char *scalars, const unsigned char *base,
                         size_t n);
int32_t nistzSumSlots(const unsigned char *points, size_t n, size_t width, unsigned char *out);

#endif
