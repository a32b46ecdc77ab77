package io.numicoin.wallet.transfer;

import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.tx.TransferTx;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A partial transfer in words, for {@code inspect}, every step's summary and a signer's
 * confirmation: what moves where, the policy, who signed and what is missing. A policy key is named
 * by the address of its single-key policy, the address {@code ./numi wallet list} shows for it.
 */
public final class TransferDescription {

    private TransferDescription() {
    }

    /** The single-key address that names policy key {@code key}. */
    public static String keyName(MlDsaPublicKey key, AddressHrp hrp) {
        return AddressFormat.encode(SpendingPolicyCodec.address(SpendingPolicy.singleKey(key)), hrp);
    }

    public static List<String> lines(PartialTransfer transfer) throws PartialTransferException {
        TransferTx tx = transfer.transaction();
        NetworkParams params = Networks.ofChainId(tx.chainId());
        AddressHrp hrp = params.hrp();
        List<String> lines = new ArrayList<>();
        lines.add("network:   " + params.network().id());
        lines.add("txid:      " + transfer.txid().toHex());
        lines.add("from:      " + AddressFormat.encode(tx.sender(), hrp) + " (nonce " + tx.nonce() + ")");
        lines.add("to:        " + AddressFormat.encode(tx.recipient(), hrp));
        lines.add("amount:    " + tx.amount().toNumiString() + " NUMI, fee " + tx.fee().toNumiString() + " NUMI");
        lines.add("expires:   " + (tx.expiryHeight() == 0 ? "never" : "after height " + tx.expiryHeight()));
        if (!tx.memo().isEmpty()) {
            lines.add("memo:      " + new String(tx.memo().toArray(), StandardCharsets.UTF_8));
        }
        SpendingPolicy policy = transfer.policy();
        lines.add("policy:    " + policy.threshold() + " of " + policy.keys().size() + " keys");
        for (int i = 0; i < policy.keys().size(); i++) {
            lines.add(String.format("  key %d:   %s  %s", i, keyName(policy.keys().get(i), hrp),
                    transfer.isSignedBy(i) ? "signed" : "not signed"));
        }
        lines.add(status(transfer));
        return lines;
    }

    /** One line: complete, or how many signatures are missing and which keys may give them. */
    public static String status(PartialTransfer transfer) {
        SigningStatus status = transfer.status();
        if (status.isComplete()) {
            return "status:    complete: " + status.signed().size() + " of " + status.threshold()
                    + " needed signatures (finalize, then broadcast)";
        }
        return "status:    " + status.missing() + " more signature" + (status.missing() == 1 ? "" : "s")
                + " needed (" + status.signed().size() + " of " + status.threshold() + "), from any of keys "
                + status.unsigned().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
