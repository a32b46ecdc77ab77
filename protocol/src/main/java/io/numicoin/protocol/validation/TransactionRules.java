package io.numicoin.protocol.validation;

import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.crypto.MlDsaProvider;
import io.numicoin.protocol.crypto.PolicySignatureResult;
import io.numicoin.protocol.crypto.PolicySignatureRule;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.merkle.MerkleTree;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;

/**
 * The rules a transfer must meet on its own, whatever the account state: chain id, size, a
 * positive fee, the sender being the policy's address, and the policy's signatures over the txid. Used for every
 * transfer of a block and for transactions arriving alone (API, peers, mempool). Thread-safe.
 */
public final class TransactionRules {

    /** Policies whose addresses are remembered: more than a node's recent senders, ~8 MB at most. */
    private static final int REMEMBERED_POLICIES = 4_096;

    private final int chainId;
    private final PolicySignatureRule signatures;
    private final PolicyAddressCache addresses = new PolicyAddressCache(REMEMBERED_POLICIES);
    private final VerifiedTransfers verified;

    public TransactionRules(int chainId, MlDsaProvider provider) {
        this(chainId, provider, VerifiedTransfers.none());
    }

    /** @param verified where transfers that pass alone are remembered for the blocks that carry them later */
    public TransactionRules(int chainId, MlDsaProvider provider, VerifiedTransfers verified) {
        this.chainId = chainId;
        this.signatures = new PolicySignatureRule(provider);
        this.verified = verified;
    }

    /**
     * Checks a transaction received alone: coinbases are refused, transfers fully checked; a transfer
     * that passes is remembered (by merkle leaf) in the rules' {@link VerifiedTransfers}.
     */
    public TxCheck check(Transaction tx) {
        return switch (tx) {
            case CoinbaseTx coinbase -> TxCheck.invalid(TxRejectReason.COINBASE_NOT_ALLOWED,
                    "coinbase transactions exist only inside blocks");
            case TransferTx transfer -> checkAlone(transfer);
        };
    }

    private TxCheck checkAlone(TransferTx transfer) {
        byte[] encoding = TransactionCodec.encode(transfer);
        TxCheck check = check(transfer, TransactionCodec.txidOfEncoding(transfer, encoding), encoding.length);
        if (check.isValid() && verified.enabled()) {
            verified.remember(MerkleTree.leafOfEncoding(encoding));
        }
        return check;
    }

    /**
     * True when the transfer with merkle leaf {@code leaf} (BLAKE3 of its whole encoding) passed
     * {@link #check(Transaction)} here before: checking it again would give the same verdict.
     */
    public boolean passedBefore(Hash256 leaf) {
        return verified.passed(leaf);
    }

    /** Where transfers that passed alone are remembered. */
    public VerifiedTransfers verifiedTransfers() {
        return verified;
    }

    /** Checks a transfer whose txid and encoded size the caller already has. */
    public TxCheck check(TransferTx tx, Hash256 txid, int encodedSize) {
        if (tx.chainId() != chainId) {
            return TxCheck.invalid(TxRejectReason.WRONG_CHAIN_ID,
                    String.format("chain id 0x%08x, this network is 0x%08x", tx.chainId(), chainId));
        }
        if (encodedSize > ProtocolLimits.MAX_TRANSACTION_BYTES) {
            return TxCheck.invalid(TxRejectReason.TOO_LARGE,
                    encodedSize + " bytes, at most " + ProtocolLimits.MAX_TRANSACTION_BYTES);
        }
        if (tx.fee().isZero()) {
            return TxCheck.invalid(TxRejectReason.ZERO_FEE, "a transfer pays a fee of at least 1 unit");
        }
        if (!addresses.addressOf(tx.policy()).equals(tx.sender())) {
            return TxCheck.invalid(TxRejectReason.SENDER_POLICY_MISMATCH,
                    "sender " + tx.sender() + " is not the address of the carried policy");
        }
        PolicySignatureResult result = signatures.check(tx.policy(), txid, tx.signatures());
        return switch (result.check()) {
            case VALID -> TxCheck.VALID;
            case WRONG_SIGNATURE_COUNT -> TxCheck.invalid(TxRejectReason.WRONG_SIGNATURE_COUNT,
                    tx.signatures().size() + " signatures, the policy needs exactly " + tx.policy().threshold());
            case KEY_INDEX_NOT_ASCENDING -> TxCheck.invalid(TxRejectReason.KEY_INDEX_NOT_ASCENDING,
                    "signature " + result.signatureIndex() + " is not in ascending key order");
            case KEY_INDEX_OUT_OF_RANGE -> TxCheck.invalid(TxRejectReason.KEY_INDEX_OUT_OF_RANGE,
                    "signature " + result.signatureIndex() + " names a key the policy does not have");
            case BAD_SIGNATURE -> TxCheck.invalid(TxRejectReason.BAD_SIGNATURE,
                    "signature " + result.signatureIndex() + " does not verify");
        };
    }

    public int chainId() {
        return chainId;
    }
}
