package io.numicoin.node.backup;

/** A backup or restore that cannot go on, with a message for the operator (a damaged file, a non-empty target...). */
public final class BackupException extends Exception {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
