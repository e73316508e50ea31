// P-256 field and point arithmetic on OpenSSL's nistz256 assembly (the code
// behind OpenSSL's own P-256 on x86-64), which the node binary exports but
// no header declares: nistz256.c looks the functions up at run time.
#ifndef TABULARIUM_NISTZ256_H
#define TABULARIUM_NISTZ256_H

#include <stddef.h>
#include <stdint.h>

// A field element: 4 little-endian 64-bit limbs in Montgomery form (a*2^256
// mod p), always fully reduced (below p): the assembly keeps it so, which is
// what lets the code below compare limbs for equality and test Z == 0.
typedef uint64_t Fe[4];
// OpenSSL's P256_POINT: Jacobian (X/Z^2, Y/Z^3); Z = 0 is the identity.
typedef struct {
  Fe X, Y, Z;
} Jacobian;
// OpenSSL's P256_POINT_AFFINE: never the identity here.
typedef struct {
  Fe X, Y;
} Affine;

// The assembly functions. They accept an output that aliases an input
// (OpenSSL's C code calls them so).
typedef struct {
  void (*mul)(Fe r, const Fe a, const Fe b);  // a*b/2^256 mod p
  void (*sqr)(Fe r, const Fe a);
  void (*add)(Fe r, const Fe a, const Fe b);
  void (*sub)(Fe r, const Fe a, const Fe b);
  void (*neg)(Fe r, const Fe a);
  void (*toMont)(Fe r, const Fe a);
  void (*fromMont)(Fe r, const Fe a);
  void (*pointDouble)(Jacobian *r, const Jacobian *a);
  // Complete for our inputs: doubles when a = b, gives Z = 0 when a = -b
  // (checked at start-up by nistzLoad, and by the tests).
  void (*pointAdd)(Jacobian *r, const Jacobian *a, const Jacobian *b);
  // Not complete: a = b gives Z = 0 instead of 2a. Only through addAffine.
  void (*pointAddAffine)(Jacobian *r, const Jacobian *a, const Affine *b);
} Nistz;

extern Nistz ecp;
extern Fe ONE;  // 1 in Montgomery form
extern Affine GENERATOR;  // G, from OpenSSL's group

// Looks the functions up, sets the constants and checks the assembly against
// OpenSSL's public API on a few points; 0 when any of it fails. Call once.
int nistzLoad(void);

static inline int isZero(const Fe a) { return (a[0] | a[1] | a[2] | a[3]) == 0; }
static inline int isInfinity(const Jacobian *a) { return isZero(a->Z); }

// The group order n and (n-1)/2, in limbs (not Montgomery form).
extern const Fe N, HALF_N;
// a < m, on limbs.
int below(const Fe a, const Fe m);
// r = a - b mod 2^256, on limbs (r may alias a or b).
void subtract(uint64_t r[4], const uint64_t a[4], const uint64_t b[4]);

// Parses a 65-byte encoding: 0x04, x < p, y < p, on the curve. 0 when not.
int parsePoint(Affine *out, const unsigned char *bytes);
// 32 big-endian bytes as 4 little-endian limbs, reduced modulo the group
// order n (any 256-bit value is below 2n): what EC_POINTs_mul does with them.
void readScalar(uint64_t k[4], const unsigned char *bytes);
// acc += q for any acc, including q and -q.
void addAffine(Jacobian *acc, const Affine *q);
// out[i] = in[i] in affine form for each finite in[i] (an identity's out[i]
// is left as is), with one field inversion for all; prefix: count scratch.
void toAffine(Affine *out, const Jacobian *in, size_t count, Fe *prefix);
// The 65-byte encodings of count points, an identity as 65 zero bytes. 0
// when out of memory.
int encodePoints(unsigned char *out, const Jacobian *points, size_t count);

#endif
