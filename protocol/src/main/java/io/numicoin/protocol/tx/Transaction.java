package io.numicoin.protocol.tx;

/**
 * A transaction: the block's first one is a {@link CoinbaseTx} (new money and fees), every other
 * one a {@link TransferTx}. Txids come from {@code TransactionCodec.txid}.
 */
public sealed interface Transaction permits CoinbaseTx, TransferTx {

    /** The chain id every transaction commits to, so it cannot be replayed on another network. */
    int chainId();
}
