package io.numicoin.node.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.numicoin.support.json.AmountJson;
import java.util.List;

/**
 * An account after the tip, and a page of its history (newest first).
 *
 * @param balance spendable now
 * @param nonce the last transfer's nonce; the next transfer must carry nonce + 1
 * @param immature coinbase rewards not matured yet (not in {@code balance})
 * @param tipHeight the height these figures belong to
 * @param nextCursor pass as {@code ?cursor=} for the next page; absent on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountView(
        String address,
        AmountJson balance,
        long nonce,
        AmountJson immature,
        long tipHeight,
        List<AccountTxView> transactions,
        String nextCursor) {
}
