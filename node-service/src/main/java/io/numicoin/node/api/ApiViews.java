package io.numicoin.node.api;

import io.numicoin.node.api.dto.AccountTxView;
import io.numicoin.node.api.dto.AccountView;
import io.numicoin.node.api.dto.BlockView;
import io.numicoin.node.api.dto.ChainView;
import io.numicoin.node.api.dto.PeerView;
import io.numicoin.node.api.dto.TargetView;
import io.numicoin.node.api.dto.TransactionView;
import io.numicoin.node.chain.ChainStatus;
import io.numicoin.node.query.AccountRecord;
import io.numicoin.node.query.AccountTxRecord;
import io.numicoin.node.query.BlockRecord;
import io.numicoin.node.query.PeerRecord;
import io.numicoin.node.query.TransactionRecord;
import io.numicoin.support.json.AmountJson;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.TransferTx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Maps the read side's records to the API's JSON records: hashes as lower-case hex, addresses in
 * bech32m with the network's prefix, amounts as units and NUMI, times as Unix seconds and ISO-8601.
 */
public final class ApiViews {

    private final NetworkParams params;

    public ApiViews(NetworkParams params) {
        this.params = params;
    }

    public String address(Address address) {
        return AddressFormat.encode(address, params.hrp());
    }

    public TargetView target(CompactTarget target) {
        return TargetView.of(target, params.difficulty().powLimit());
    }

    public ChainView chain(ChainStatus status, long nowSeconds) {
        return new ChainView(params.network().id(), status.tipId().toHex(), status.height(),
                status.cumulativeWork().toString(), status.tipTimestamp(), iso(status.tipTimestamp()),
                nowSeconds - status.tipTimestamp(), target(status.nextTarget()), status.syncState().name());
    }

    /** A block; {@code withTxIds} false for range pages. */
    public BlockView block(BlockRecord block, boolean withTxIds) {
        BlockHeader header = block.header();
        return new BlockView(block.id().toHex(), header.height(), header.version(), header.previousId().toHex(),
                block.nextId().map(Hash256::toHex).orElse(null), header.merkleRoot().toHex(),
                header.stateCommitment().toHex(), header.timestamp(), iso(header.timestamp()), target(header.target()),
                Long.toUnsignedString(header.nonce()), block.cumulativeWork().toString(),
                block.status() == null ? "UNKNOWN" : block.status().name(), block.mainChain(), block.confirmations(),
                block.size().orElse(null), block.transactionCount().orElse(null),
                withTxIds && block.size().isPresent() ? block.txIds().stream().map(Hash256::toHex).toList() : null);
    }

    public TransactionView transaction(TransactionRecord record) {
        return switch (record.transaction()) {
            case CoinbaseTx coinbase -> new TransactionView(record.txid().toHex(), "coinbase", record.blockId().toHex(),
                    record.height(), record.position(), record.blockTimestamp(), record.confirmations(), record.size(),
                    chainId(coinbase.chainId()), null, null, address(coinbase.recipient()), AmountJson.of(coinbase.amount().units()),
                    null, null, coinbase.memo().toHex(), null, null, null);
            case TransferTx transfer -> new TransactionView(record.txid().toHex(), "transfer", record.blockId().toHex(),
                    record.height(), record.position(), record.blockTimestamp(), record.confirmations(), record.size(),
                    chainId(transfer.chainId()), address(transfer.sender()), transfer.nonce(), address(transfer.recipient()),
                    AmountJson.of(transfer.amount().units()), AmountJson.of(transfer.fee().units()), transfer.expiryHeight(),
                    transfer.memo().toHex(), transfer.policy().threshold(), transfer.policy().keys().size(),
                    transfer.signatures().size());
        };
    }

    public AccountView account(AccountRecord account, List<AccountTxRecord> page, Optional<String> nextCursor) {
        return new AccountView(address(account.address()), AmountJson.of(account.balance().units()), account.nonce(),
                AmountJson.of(account.immature().units()), account.tipHeight(),
                page.stream().map(entry -> historyEntry(account.address(), entry)).toList(), nextCursor.orElse(null));
    }

    public PeerView peer(PeerRecord peer) {
        return new PeerView(peer.address(), peer.peerId().orElse(null), peer.agent().orElse(null),
                peer.lastSeen().map(Instant::toString).orElse(null), peer.lastSuccess().map(Instant::toString).orElse(null),
                peer.failures(), peer.bannedUntil().map(Instant::toString).orElse(null), peer.banReason().orElse(null));
    }

    private AccountTxView historyEntry(Address owner, AccountTxRecord entry) {
        String direction;
        if (entry.sender().isEmpty()) {
            direction = "COINBASE";
        } else if (entry.sender().get().equals(owner)) {
            direction = entry.recipient().equals(owner) ? "SELF" : "SENT";
        } else {
            direction = "RECEIVED";
        }
        return new AccountTxView(entry.txid().toHex(), entry.blockId().toHex(), entry.height(), entry.position(),
                direction, entry.sender().map(this::address).orElse(null), address(entry.recipient()));
    }

    private static String chainId(int chainId) {
        return AmountJson.chainId(chainId);
    }

    private static String iso(long unixSeconds) {
        return Instant.ofEpochSecond(unixSeconds).toString();
    }
}
