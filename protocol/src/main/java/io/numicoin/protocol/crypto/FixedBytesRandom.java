package io.numicoin.protocol.crypto;

import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.util.Arrays;

/**
 * Not a random source: a {@link SecureRandom} that hands out fixed bytes, to drive JCA and Bouncy
 * Castle ML-DSA from known inputs. {@link #seedOnce} serves a key-generation seed exactly once
 * (and fails loudly if asked for more, so a library that drew other bytes could not silently
 * derive a different key); {@link #zeros} serves the all-zero rnd of FIPS 204 deterministic
 * signing. Each instance is used for one operation on one thread.
 */
final class FixedBytesRandom extends SecureRandom {

    private FixedBytesRandom(SecureRandomSpi spi) {
        super(spi, null);
    }

    /** Serves {@code seed} to a single request of exactly its length. */
    static SecureRandom seedOnce(byte[] seed) {
        return new FixedBytesRandom(new SeedOnceSpi(seed.clone()));
    }

    /** Serves zero bytes to every request. */
    static SecureRandom zeros() {
        return new FixedBytesRandom(new ZerosSpi());
    }

    private static final class SeedOnceSpi extends SecureRandomSpi {

        private byte[] seed;

        SeedOnceSpi(byte[] seed) {
            this.seed = seed;
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            if (seed == null || bytes.length != seed.length) {
                throw new IllegalStateException("expected one request for " + (seed == null ? 0 : seed.length)
                        + " seed bytes, got a request for " + bytes.length);
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
            seed = null;
        }

        @Override
        protected void engineSetSeed(byte[] ignored) {
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            throw new UnsupportedOperationException("a fixed-bytes source generates no seeds");
        }
    }

    private static final class ZerosSpi extends SecureRandomSpi {

        @Override
        protected void engineNextBytes(byte[] bytes) {
            Arrays.fill(bytes, (byte) 0);
        }

        @Override
        protected void engineSetSeed(byte[] ignored) {
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            throw new UnsupportedOperationException("a fixed-bytes source generates no seeds");
        }
    }
}
