package io.numicoin.node.storage;

/**
 * Stored chain data is not what the node wrote: a row that does not decode, a header that does
 * not hash to its id, a state that does not match its commitment. The node must not serve from
 * such a database; the remedy is the integrity check and {@code --numi.command=reindex}.
 */
public class CorruptChainDataException extends RuntimeException {

    public CorruptChainDataException(String message) {
        super(message);
    }

    public CorruptChainDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
