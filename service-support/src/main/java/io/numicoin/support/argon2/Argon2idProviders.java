package io.numicoin.support.argon2;

import io.numicoin.protocol.pow.Argon2Kernel;
import io.numicoin.protocol.pow.Argon2idProvider;
import io.numicoin.protocol.pow.PowParams;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the Argon2id implementation for a service's proof of work and says which at startup (one
 * INFO line naming it and why). {@link Argon2Mode#AUTO} takes the pure-Java Argon2id when its vector
 * kernel runs here (1.4–1.7x Debian's libargon2, which is the portable reference build), else libargon2
 * when it loads and gives the pure-Java tag on a test vector, else the pure-Java scalar one;
 * {@link Argon2Mode#NATIVE} fails without libargon2.
 */
public final class Argon2idProviders {

    private static final Logger log = LoggerFactory.getLogger(Argon2idProviders.class);

    private Argon2idProviders() {
    }

    /**
     * The provider for {@code mode}, logged for {@code service} (e.g. "node", "miner").
     *
     * @throws NativeArgon2UnavailableException for {@link Argon2Mode#NATIVE} without a usable libargon2
     */
    public static Argon2idProvider choose(Argon2Mode mode, String service) {
        return choose(mode, service, Argon2Kernel.fastest());
    }

    /** As {@link #choose(Argon2Mode, String)} with the pure-Java Argon2id's kernel given (tests try both). */
    static Argon2idProvider choose(Argon2Mode mode, String service, Argon2Kernel javaKernel) {
        Argon2idProvider java = javaKernel == Argon2Kernel.fastest() ? Argon2idProvider.JAVA : Argon2idProvider.java(javaKernel);
        return switch (mode) {
            case JAVA -> {
                log.info("{}: Argon2id (proof of work) is the pure-Java one, {} (argon2=java)", service, describe(javaKernel));
                yield java;
            }
            case NATIVE -> {
                Argon2idProvider provider = checked(new NativeArgon2idProvider(NativeArgon2.load()));
                log.info("{}: Argon2id (proof of work) is native: {} through java.lang.foreign (argon2=native)", service, NativeArgon2.LIBRARY);
                yield provider;
            }
            case AUTO -> {
                if (javaKernel == Argon2Kernel.VECTOR_256) {
                    log.info("{}: Argon2id (proof of work) is the pure-Java one, {} (argon2=auto)", service, describe(javaKernel));
                    yield java;
                }
                try {
                    Argon2idProvider provider = checked(new NativeArgon2idProvider(NativeArgon2.load()));
                    log.info("{}: Argon2id (proof of work) is native: {} through java.lang.foreign (argon2=auto)", service, NativeArgon2.LIBRARY);
                    yield provider;
                } catch (NativeArgon2UnavailableException e) {
                    log.info("{}: Argon2id (proof of work) is the pure-Java one, {} (argon2=auto): {}", service, describe(javaKernel), e.getMessage());
                    yield java;
                }
            }
        };
    }

    /** Which kernel the pure-Java Argon2id computes with, and why not the vector one. */
    private static String describe(Argon2Kernel kernel) {
        if (kernel == Argon2Kernel.VECTOR_256) {
            return "256-bit vector kernel";
        }
        String noVector = Argon2Kernel.VECTOR_256.unavailableReason();
        return noVector.isEmpty() ? "scalar kernel" : "scalar kernel (no vector kernel: " + noVector + ")";
    }

    /** {@code candidate} if it gives the pure-Java tag on a fixed input at regtest cost. */
    private static Argon2idProvider checked(Argon2idProvider candidate) {
        byte[] password = new byte[128];
        byte[] salt = new byte[16];
        for (int i = 0; i < password.length; i++) {
            password[i] = (byte) (i * 7 + 3);
        }
        byte[] expected = new byte[32];
        byte[] actual = new byte[32];
        Argon2idProvider.JAVA.create(PowParams.REGTEST).hash(password, salt, expected);
        try {
            candidate.create(PowParams.REGTEST).hash(password, salt, actual);
        } catch (RuntimeException e) {
            throw new NativeArgon2UnavailableException(NativeArgon2.LIBRARY + " failed on a test vector: " + e.getMessage(), e);
        }
        if (!Arrays.equals(expected, actual)) {
            throw new NativeArgon2UnavailableException(NativeArgon2.LIBRARY + " gives another Argon2id tag than the protocol's on a test vector", null);
        }
        return candidate;
    }
}
