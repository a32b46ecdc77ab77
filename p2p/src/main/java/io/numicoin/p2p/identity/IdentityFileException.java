package io.numicoin.p2p.identity;

/** The identity key file could not be used; the message says why and what to do. */
public class IdentityFileException extends Exception {

    /** What is wrong with the file. */
    public enum Reason {
        /** Group or other users have some access to the file. */
        INSECURE_PERMISSIONS,
        /** The file does not hold a libp2p Ed25519 private key. */
        MALFORMED,
        /** Reading, creating or writing the file failed. */
        IO
    }

    private final Reason reason;

    public IdentityFileException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
