package io.numicoin.protocol.params;

import io.numicoin.protocol.hash.Hash256;
import java.util.Objects;
import java.util.Optional;

/**
 * The genesis block id of each network, pinned apart from the parameters that build the genesis
 * block. A node checks its parameters against these before it opens its database, so an edited
 * genesis time, target, nonce or message (or a build that mixes networks) refuses to start instead
 * of running a different chain under a known name. Changing a genesis means changing its pin too,
 * in the same commit (docs/launch.md).
 */
public final class GenesisPins {

    private static final Hash256 MAINNET = Hash256.fromHex("049f6c184c6234e023c143c3ec63112fbbe0554bf779aa9bf594bcd17f26f6f1");
    private static final Hash256 TESTNET = Hash256.fromHex("0232f7df56dcc0acf3428902e2364c3ac8dd40e002e4c537d5f8052b7b3e4e91");
    private static final Hash256 REGTEST = Hash256.fromHex("2ba90a9b37e847df95ca445ec7a10e55e6a78af23ae86e991f5390d8abaa8380");

    private GenesisPins() {
    }

    /** The pinned genesis id of {@code network}. */
    public static Hash256 pinned(Network network) {
        return switch (Objects.requireNonNull(network, "network")) {
            case MAINNET -> MAINNET;
            case TESTNET -> TESTNET;
            case REGTEST -> REGTEST;
        };
    }

    /** Why {@code params}' genesis is not its network's pinned one, or empty when it is. */
    public static Optional<String> mismatch(NetworkParams params) {
        Hash256 actual = params.genesisId();
        Hash256 expected = pinned(params.network());
        if (actual.equals(expected)) {
            return Optional.empty();
        }
        return Optional.of("the " + params.network().id() + " parameters build a genesis block with id " + actual
                + ", but " + params.network().id() + "'s pinned genesis id is " + expected
                + ": this build's consensus parameters were changed; refusing to start");
    }

    /**
     * {@code params}, after checking that its genesis hashes to the pinned id.
     *
     * @throws IllegalStateException with {@link #mismatch}'s message when it does not
     */
    public static NetworkParams verified(NetworkParams params) {
        mismatch(params).ifPresent(message -> {
            throw new IllegalStateException(message);
        });
        return params;
    }
}
