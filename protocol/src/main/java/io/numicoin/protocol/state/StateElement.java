package io.numicoin.protocol.state;

/**
 * One entry of the account state as it enters the state hash: an existing account or a coinbase
 * reward that has not matured yet. {@link StateElementCodec} gives each its one encoding.
 */
public sealed interface StateElement permits AccountEntry, ImmatureReward {
}
