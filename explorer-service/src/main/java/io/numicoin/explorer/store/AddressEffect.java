package io.numicoin.explorer.store;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import java.util.ArrayList;
import java.util.List;

/**
 * What one transaction of an active block did to one address: the history row and the balance
 * change. Derived from the block alone, so connecting and disconnecting compute the same rows. The
 * genesis block has none (the state after it is empty, docs/protocol.md).
 */
public record AddressEffect(Address address, int txIndex, Hash256 txid, Direction direction, long delta) {

    public enum Direction { IN, OUT, SELF }

    public static List<AddressEffect> of(Block block, List<Hash256> txids) {
        List<AddressEffect> out = new ArrayList<>();
        if (block.height() == 0) {
            return out;
        }
        List<Transaction> txs = block.transactions();
        for (int i = 0; i < txs.size(); i++) {
            Hash256 txid = txids.get(i);
            switch (txs.get(i)) {
                case CoinbaseTx coinbase -> out.add(new AddressEffect(coinbase.recipient(), i, txid, Direction.IN,
                        coinbase.amount().units()));
                case TransferTx transfer -> {
                    if (transfer.sender().equals(transfer.recipient())) {
                        out.add(new AddressEffect(transfer.sender(), i, txid, Direction.SELF, -transfer.fee().units()));
                    } else {
                        out.add(new AddressEffect(transfer.sender(), i, txid, Direction.OUT,
                                -(transfer.amount().units() + transfer.fee().units())));
                        out.add(new AddressEffect(transfer.recipient(), i, txid, Direction.IN, transfer.amount().units()));
                    }
                }
            }
        }
        return out;
    }

    public static List<Hash256> txids(Block block) {
        return block.transactions().stream().map(TransactionCodec::txid).toList();
    }
}
