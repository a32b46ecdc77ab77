package io.numicoin.node.snapshot;

/** A snapshot that cannot be exported or imported, with a message for the operator. */
public final class SnapshotException extends Exception {

    public SnapshotException(String message) {
        super(message);
    }

    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
