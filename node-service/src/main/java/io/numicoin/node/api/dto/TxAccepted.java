package io.numicoin.node.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A transfer the node took (202): it passed the node's checks (stateless rules, then the tip's
 * state) and is relayed. {@code status} is {@code ACCEPTED} when the deployment's mempool took it,
 * with its {@code outcome} ({@code ADDED}, {@code REPLACED} with {@code replaced}, {@code DUPLICATE}),
 * or {@code SEEN} when no mempool verdict was had (none configured, or it did not answer).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TxAccepted(String txid, String status, String outcome, String replaced) {

    public static TxAccepted seen(String txid) {
        return new TxAccepted(txid, "SEEN", null, null);
    }

    public static TxAccepted accepted(String txid, String outcome, String replaced) {
        return new TxAccepted(txid, "ACCEPTED", outcome, replaced);
    }
}
