package io.numicoin.miner.pow;

import io.numicoin.protocol.pow.Argon2idProvider;
import io.numicoin.protocol.pow.PowParams;
import io.numicoin.protocol.pow.header.ProofOfWork;
import io.numicoin.support.argon2.Argon2Mode;
import io.numicoin.support.argon2.Argon2idProviders;
import io.numicoin.support.argon2.NativeArgon2UnavailableException;
import java.util.function.Supplier;

/** Makes one {@link PowHasher} per mining thread for the configured {@link Argon2Mode}. */
public final class PowHashers {

    private PowHashers() {
    }

    /** As {@link #factory(Argon2Mode, PowParams, String)} for the miner. */
    public static Supplier<PowHasher> factory(Argon2Mode mode, PowParams params) {
        return factory(mode, params, "miner");
    }

    /**
     * A factory of per-thread hashers. The implementation is chosen now and logged for {@code service}
     * ({@link Argon2idProviders}), so {@link Argon2Mode#NATIVE} without libargon2 fails here (at startup)
     * with {@link NativeArgon2UnavailableException}, and {@link Argon2Mode#AUTO} falls back to Java.
     */
    public static Supplier<PowHasher> factory(Argon2Mode mode, PowParams params, String service) {
        Argon2idProvider provider = Argon2idProviders.choose(mode, service);
        if (provider == Argon2idProvider.JAVA) {
            return () -> new JavaPowHasher(params);
        }
        return () -> new ProofOfWork(params, provider)::powHash;
    }
}
