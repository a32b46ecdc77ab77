package io.numicoin.miner.pow;

/** {@code numi.miner.argon2=native} was asked for but libargon2 cannot be used; the message says why and what to do. */
public final class NativeArgon2UnavailableException extends RuntimeException {

    public NativeArgon2UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
