package io.numicoin.devnet.wallet;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.crypto.MlDsaProviders;
import io.numicoin.protocol.crypto.PolicySigner;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.tx.TransferTx;
import java.util.List;

/** Builds and signs a transfer from a single-key account (the signature covers the txid). */
public final class TransferSigner {

    private final PolicySigner signer = new PolicySigner(MlDsaProviders.preferred());

    public TransferTx sign(int chainId, Account from, long nonce, Address to, Amount amount, Amount fee, Bytes memo) {
        TransferTx unsigned = new TransferTx(chainId, from.address(), nonce, to, amount, fee, 0, memo, from.policy(), List.of());
        return unsigned.withSignatures(List.of(
                signer.signOne(from.policy(), 0, from.keys().privateKey(), TransactionCodec.txid(unsigned))));
    }
}
