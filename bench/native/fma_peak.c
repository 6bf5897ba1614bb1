// The machine's FMA peak on one core: 12 independent FMA chains kept in registers, the yardstick the
// JMH kernel numbers in results/ are compared with. Build and run: bench/native/fma_peak.sh
#include <immintrin.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <stdlib.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

#define CHAINS12(T, FMA, SET1, ADD, STORE, LANES, NAME)                                  \
    static double NAME(long iters) {                                                    \
        T a0 = SET1(1.0f), a1 = SET1(1.1f), a2 = SET1(1.2f), a3 = SET1(1.3f);            \
        T a4 = SET1(1.4f), a5 = SET1(1.5f), a6 = SET1(1.6f), a7 = SET1(1.7f);            \
        T a8 = SET1(1.8f), a9 = SET1(1.9f), a10 = SET1(2.0f), a11 = SET1(2.1f);          \
        T m = SET1(0.999999f), c = SET1(1e-7f);                                           \
        double t0 = now();                                                               \
        for (long i = 0; i < iters; i++) {                                               \
            a0 = FMA(a0, m, c); a1 = FMA(a1, m, c); a2 = FMA(a2, m, c);                  \
            a3 = FMA(a3, m, c); a4 = FMA(a4, m, c); a5 = FMA(a5, m, c);                  \
            a6 = FMA(a6, m, c); a7 = FMA(a7, m, c); a8 = FMA(a8, m, c);                  \
            a9 = FMA(a9, m, c); a10 = FMA(a10, m, c); a11 = FMA(a11, m, c);              \
            __asm__ volatile("" : "+x"(a0), "+x"(a1), "+x"(a2), "+x"(a3), "+x"(a4),       \
                             "+x"(a5), "+x"(a6), "+x"(a7), "+x"(a8), "+x"(a9), "+x"(a10), \
                             "+x"(a11));                                                 \
        }                                                                                \
        double dt = now() - t0;                                                          \
        T s = ADD(ADD(ADD(a0, a1), ADD(a2, a3)), ADD(ADD(a4, a5), ADD(a6, a7)));          \
        s = ADD(s, ADD(ADD(a8, a9), ADD(a10, a11)));                                      \
        float out[16];                                                                   \
        STORE(out, s);                                                                   \
        if (out[0] == 12345.f) printf("!");                                              \
        return 12.0 * LANES * iters / dt / 1e9;                                          \
    }

__attribute__((target("avx2,fma"))) CHAINS12(__m256, _mm256_fmadd_ps, _mm256_set1_ps, _mm256_add_ps,
                                              _mm256_storeu_ps, 8, peak256)
__attribute__((target("avx512f"))) CHAINS12(__m512, _mm512_fmadd_ps, _mm512_set1_ps, _mm512_add_ps,
                                            _mm512_storeu_ps, 16, peak512)

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    long iters = 400000000L;
    int reps = 5;
    int has512 = __builtin_cpu_supports("avx512f");
    double r256[5], r512[5];
    for (int r = 0; r < reps; r++) {
        r256[r] = peak256(iters);
        r512[r] = has512 ? peak512(iters / 2) : 0;
    }
    qsort(r256, reps, sizeof(double), cmp);
    qsort(r512, reps, sizeof(double), cmp);
    printf("{\"fma256_glane_per_s_median\": %.2f, \"fma256_min\": %.2f, \"fma256_max\": %.2f", r256[2], r256[0], r256[4]);
    if (has512) printf(", \"fma512_glane_per_s_median\": %.2f, \"fma512_min\": %.2f, \"fma512_max\": %.2f", r512[2], r512[0], r512[4]);
    printf(", \"avx512f\": %s}\n", has512 ? "true" : "false");
    return 0;
}
