package io.numicoin.node.api.dto;

/**
 * A transaction passed the stateless checks and was published as seen ({@code numi.tx.v1}); the
 * mempool decides against the tip's state whether it is accepted.
 */
public record TxAccepted(String txid, String status) {

    public static TxAccepted seen(String txid) {
        return new TxAccepted(txid, "SEEN");
    }
}
