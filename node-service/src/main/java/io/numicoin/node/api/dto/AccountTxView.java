package io.numicoin.node.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of an account's history.
 *
 * @param direction {@code SENT}, {@code RECEIVED}, {@code SELF} (to itself) or {@code COINBASE} (a mining reward)
 * @param sender absent for a coinbase
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountTxView(
        String txid,
        String blockId,
        long height,
        int position,
        String direction,
        String sender,
        String recipient) {
}
