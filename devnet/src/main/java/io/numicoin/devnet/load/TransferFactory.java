package io.numicoin.devnet.load;

import io.numicoin.devnet.wallet.TransferSigner;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.tx.TransferTx;
import java.util.List;

/**
 * The load's transfers. Everything but the signature is a function of the sender and the nonce
 * (recipient, amount, fee, no memo, no expiry), and the txid leaves the signatures out: so a
 * transfer offered again after an unknown answer, or after the sender's nonce was read back from
 * the network, is the very same transaction. The load therefore never makes two different
 * transfers with one sender and nonce, and the checker can ask of every txid: confirmed once, or not.
 */
public final class TransferFactory {

    /** Units each transfer moves; small against the funding, so an account lasts thousands of transfers. */
    public static final Amount AMOUNT = Amount.ofUnits(1_000);
    /** Twice the mempool's default minimum for a ~5.3 KB single-key transfer. */
    public static final Amount FEE = Amount.ofUnits(11_000);

    private final int chainId;
    private final List<LoadAccount> accounts;
    private final TransferSigner signer = new TransferSigner();

    public TransferFactory(int chainId, List<LoadAccount> accounts) {
        this.chainId = chainId;
        this.accounts = List.copyOf(accounts);
    }

    /** The sender's transfer with this nonce: to the account {@code 1 + nonce mod (n-1)} places after it. */
    public TransferTx transfer(LoadAccount from, long nonce) {
        int n = accounts.size();
        LoadAccount to = accounts.get((int) ((from.index() + 1 + Math.floorMod(nonce, n - 1)) % n));
        return signer.sign(chainId, from.account(), nonce, to.account().address(), AMOUNT, FEE, Bytes.of(new byte[0]));
    }

    /** What one transfer costs its sender. */
    public static long costUnits() {
        return AMOUNT.units() + FEE.units();
    }
}
