package io.numicoin.node.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.numicoin.support.json.AmountJson;

/**
 * A decoded transaction on the active chain. Transfer-only fields are absent for a coinbase.
 *
 * @param type {@code coinbase} or {@code transfer}
 * @param chainId the network id the transaction commits to, as 8 hex digits
 * @param memo hex
 * @param expiryHeight 0 = never expires
 * @param policyThreshold signatures the sender's spending policy needs
 * @param policyKeys keys in the sender's spending policy
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransactionView(
        String txid,
        String type,
        String blockId,
        long height,
        int position,
        long blockTimestamp,
        long confirmations,
        int size,
        String chainId,
        String sender,
        Long nonce,
        String recipient,
        AmountJson amount,
        AmountJson fee,
        Long expiryHeight,
        String memo,
        Integer policyThreshold,
        Integer policyKeys,
        Integer signatures) {
}
