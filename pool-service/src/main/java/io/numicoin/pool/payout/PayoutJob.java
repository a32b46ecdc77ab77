package io.numicoin.pool.payout;

import io.numicoin.miner.upstream.NodeClient;
import io.numicoin.pool.ledger.BlockStatus;
import io.numicoin.pool.ledger.PoolLedger;
import io.numicoin.protocol.address.AddressDecodeException;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.crypto.MlDsaProviders;
import io.numicoin.protocol.crypto.PolicySigner;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.TransferTx;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One payout round: found blocks buried under the coinbase maturity on the active chain become
 * MATURE (those that left it, ORPHANED); every address owed at least the minimum payout by mature
 * blocks gets one transfer from the pool's key (the fee comes out of it), recorded in the ledger
 * before it is sent so a crash never pays twice; transfers seen in a block are CONFIRMED, those
 * the node refused or that expired are FAILED and their credits owed again. One round at a time.
 */
public final class PayoutJob {

    private static final Logger log = LoggerFactory.getLogger(PayoutJob.class);
    /** Blocks deeper than this that are not on the active chain are orphaned. */
    static final int ORPHAN_DEPTH = 6;

    private final NodeClient chain;
    private final PayoutNode node;
    private final PoolLedger ledger;
    private final PoolKey key;
    private final AddressHrp hrp;
    private final int chainId;
    private final long minPayout;
    private final long fee;
    private final long expiryBlocks;
    private final PolicySigner signer = new PolicySigner(MlDsaProviders.preferred());

    public PayoutJob(NodeClient chain, PayoutNode node, PoolLedger ledger, PoolKey key, AddressHrp hrp, int chainId, long minPayout,
            long fee, long expiryBlocks) {
        this.chain = chain;
        this.node = node;
        this.ledger = ledger;
        this.key = key;
        this.hrp = hrp;
        this.chainId = chainId;
        this.minPayout = minPayout;
        this.fee = fee;
        this.expiryBlocks = expiryBlocks;
    }

    public synchronized void round() {
        long tip = chain.chain().height();
        mature(tip);
        confirm(tip);
        pay(tip);
    }

    private void mature(long tip) {
        for (PoolLedger.PendingBlock block : ledger.blocks(BlockStatus.SUBMITTED)) {
            if (tip < block.height()) {
                continue;
            }
            List<BlockHeader> at = chain.headers(block.height(), 1);
            boolean onChain = !at.isEmpty() && BlockHeaderCodec.id(at.getFirst()).equals(block.id());
            if (onChain && tip >= block.height() + ProtocolLimits.COINBASE_MATURITY) {
                ledger.markBlock(block.id(), BlockStatus.MATURE, "");
                log.info("block {} at {} is mature", block.id(), block.height());
            } else if (!onChain && tip >= block.height() + ORPHAN_DEPTH) {
                ledger.markBlock(block.id(), BlockStatus.ORPHANED, "not on the active chain at tip " + tip);
                log.info("block {} at {} is orphaned", block.id(), block.height());
            }
        }
    }

    private void confirm(long tip) {
        for (PoolLedger.SentPayout sent : ledger.sentPayouts()) {
            if (node.blockOf(sent.txid()).isPresent()) {
                ledger.confirmPayout(sent.id());
            } else if (tip > sent.expiryHeight()) {
                ledger.failPayout(sent.id(), "expired unmined at height " + sent.expiryHeight());
            } else if (node.account(AddressFormat.encode(key.address(), hrp)).nonce() >= sent.nonce()) {
                // the nonce was used by another transfer of this key: this one can never be mined
                ledger.failPayout(sent.id(), "nonce " + sent.nonce() + " used by another transaction");
            }
        }
    }

    private void pay(long tip) {
        if (!ledger.sentPayouts().isEmpty()) {
            return; // one batch at a time: the next nonces follow the confirmed ones
        }
        String pool = AddressFormat.encode(key.address(), hrp);
        PayoutNode.AccountState account = node.account(pool);
        long nonce = account.nonce();
        long balance = account.balance();
        for (Map.Entry<String, Long> due : ledger.unpaidMature().entrySet()) {
            long total = due.getValue();
            if (total < minPayout || total - fee <= 0) {
                continue;
            }
            if (total > balance) {
                log.warn("pool balance {} below the {} units owed to {}: payout waits", balance, total, due.getKey());
                continue;
            }
            TransferTx transfer = sign(due.getKey(), total - fee, nonce + 1, tip + expiryBlocks);
            if (transfer == null) {
                continue;
            }
            Hash256 txid = TransactionCodec.txid(transfer);
            if (!ledger.recordPayout(due.getKey(), total - fee, fee, nonce + 1, tip + expiryBlocks, txid)) {
                continue;
            }
            PayoutNode.Verdict verdict = node.submit(transfer);
            if (!verdict.accepted()) {
                log.warn("payout of {} to {} refused: {} {}", total - fee, due.getKey(), verdict.rule(), verdict.detail());
                ledger.sentPayouts().stream().filter(p -> p.txid().equals(txid)).forEach(p -> ledger.failPayout(p.id(), verdict.rule()));
                return;
            }
            log.info("payout {} units to {} (tx {}, nonce {})", total - fee, due.getKey(), txid, nonce + 1);
            nonce++;
            balance -= total;
        }
    }

    private TransferTx sign(String recipient, long amount, long nonce, long expiry) {
        try {
            TransferTx unsigned = new TransferTx(chainId, key.address(), nonce, AddressFormat.decode(recipient, hrp), Amount.ofUnits(amount),
                    Amount.ofUnits(fee), expiry, Bytes.EMPTY, key.policy(), List.of());
            return unsigned.withSignatures(List.of(signer.signOne(key.policy(), 0, key.keys().privateKey(), TransactionCodec.txid(unsigned))));
        } catch (AddressDecodeException e) {
            log.warn("credit to {} cannot be paid: {}", recipient, e.getMessage());
            return null;
        }
    }
}
