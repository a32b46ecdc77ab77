package io.numicoin.explorer.web.view;

import java.util.List;

/**
 * An address's spending policy as its spends revealed it: {@code threshold} signatures of the
 * keys (each named by the address of its own single-key policy), and the transaction it was read from.
 */
public record PolicyView(int threshold, List<String> keyAddresses, String seenInTxid) {

    public int keyCount() {
        return keyAddresses.size();
    }

    public boolean multisig() {
        return keyAddresses.size() > 1;
    }
}
