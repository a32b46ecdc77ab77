package io.numicoin.miner.pow;

import io.numicoin.protocol.pow.PowParams;
import java.util.function.Supplier;

/** Makes one {@link PowHasher} per mining thread for the configured {@link Argon2Mode}. */
public final class PowHashers {

    private PowHashers() {
    }

    /**
     * A factory of per-thread hashers. For {@link Argon2Mode#NATIVE} the library is bound now, so a
     * missing libargon2 fails here (at startup) with {@link NativeArgon2UnavailableException}.
     */
    public static Supplier<PowHasher> factory(Argon2Mode mode, PowParams params) {
        return switch (mode) {
            case JAVA -> () -> new JavaPowHasher(params);
            case NATIVE -> {
                NativeArgon2 library = NativeArgon2.load();
                yield () -> new NativePowHasher(library, params);
            }
        };
    }
}
