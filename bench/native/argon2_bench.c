/*
 * Native Argon2id peer for the Java benchmark: hashes varying 128-byte inputs with Debian's
 * libargon2 (argon2id_hash_raw, 16-byte salt, 32-byte output) on one thread for a number of
 * seconds and prints the rate as one number (hashes per second) on stdout.
 *
 * Usage: argon2_bench m_kib t p seconds [cpu]
 * With "cpu" the rate is per second of this process's CPU time instead of wall-clock time, which
 * shields the figure from other processes competing for the cores.
 */
#include <argon2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static clockid_t clock_id = CLOCK_MONOTONIC;

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(clock_id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc != 5 && !(argc == 6 && strcmp(argv[5], "cpu") == 0)) {
        fprintf(stderr, "usage: %s m_kib t p seconds [cpu]\n", argv[0]);
        return 2;
    }
    if (argc == 6) {
        clock_id = CLOCK_PROCESS_CPUTIME_ID;
    }
    uint32_t m_kib = (uint32_t)strtoul(argv[1], NULL, 10);
    uint32_t t = (uint32_t)strtoul(argv[2], NULL, 10);
    uint32_t p = (uint32_t)strtoul(argv[3], NULL, 10);
    double seconds = strtod(argv[4], NULL);

    uint8_t input[128];
    uint8_t salt[16];
    uint8_t out[32];
    for (int i = 0; i < 128; i++) {
        input[i] = (uint8_t)(i * 131 + 7);
    }
    memset(salt, 0x5a, sizeof salt);

    uint64_t hashes = 0;
    double start = now_seconds();
    double elapsed = 0;
    do {
        /* Vary the input (a nonce) and derive the salt from the previous output, as a miner would. */
        memcpy(input + 120, &hashes, sizeof hashes);
        int rc = argon2id_hash_raw(t, m_kib, p, input, sizeof input, salt, sizeof salt, out, sizeof out);
        if (rc != ARGON2_OK) {
            fprintf(stderr, "argon2id_hash_raw: %s\n", argon2_error_message(rc));
            return 1;
        }
        memcpy(salt, out, sizeof salt);
        hashes++;
        elapsed = now_seconds() - start;
    } while (elapsed < seconds);
    printf("%.3f\n", (double)hashes / elapsed);
    return 0;
}
