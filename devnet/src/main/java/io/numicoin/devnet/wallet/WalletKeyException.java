package io.numicoin.devnet.wallet;

/** A wallet key could not be found, read, unlocked or written; the message says what to do. */
public final class WalletKeyException extends Exception {

    public WalletKeyException(String message) {
        super(message);
    }

    public WalletKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
