package io.numicoin.support.argon2;

/** Native Argon2id was asked for (or tried) but libargon2 cannot be used; the message says why and what to do. */
public final class NativeArgon2UnavailableException extends RuntimeException {

    public NativeArgon2UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
