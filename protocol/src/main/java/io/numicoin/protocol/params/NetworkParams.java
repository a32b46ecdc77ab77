package io.numicoin.protocol.params;

import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.difficulty.DifficultyParams;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.SubsidySchedule;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.pow.PowParams;
import io.numicoin.protocol.time.TimeRules;
import java.util.Objects;

/**
 * Everything that makes one network: its chain id (committed to by every transaction), address
 * prefix, Argon2id parameters, difficulty algorithm, subsidy schedule, future limit and genesis
 * block. These are consensus constants, not node configuration.
 */
public record NetworkParams(
        Network network,
        int chainId,
        AddressHrp hrp,
        PowParams pow,
        DifficultyParams difficulty,
        SubsidySchedule subsidy,
        long maxFutureSeconds,
        Block genesis) {

    /** 2026-11-25T00:00:00Z, the genesis time of every network. */
    static final long GENESIS_TIME = 1_795_564_800L;

    public NetworkParams {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(hrp, "hrp");
        Objects.requireNonNull(pow, "pow");
        Objects.requireNonNull(difficulty, "difficulty");
        Objects.requireNonNull(subsidy, "subsidy");
        Objects.requireNonNull(genesis, "genesis");
    }

    public static NetworkParams of(Network network) {
        return switch (network) {
            case MAINNET -> mainnet();
            case TESTNET -> testnet();
            case REGTEST -> regtest();
        };
    }

    /** Mainnet: 30 s blocks, Argon2id 4 MiB. Chain id "NUMI". */
    public static NetworkParams mainnet() {
        DifficultyParams difficulty = DifficultyParams.mainnet();
        return new NetworkParams(Network.MAINNET, 0x4e55_4d49, AddressHrp.MAINNET, PowParams.MAINNET, difficulty,
                SubsidySchedule.MAINNET, TimeRules.MAX_FUTURE_SECONDS,
                GenesisBlocks.create(0x4e55_4d49, GENESIS_TIME, CompactTarget.fromTarget(difficulty.powLimit()), 235L));
    }

    /** Testnet: 15 s blocks, Argon2id 4 MiB, halving every 1,000 blocks. Chain id "NUMT". */
    public static NetworkParams testnet() {
        DifficultyParams difficulty = DifficultyParams.testnet();
        return new NetworkParams(Network.TESTNET, 0x4e55_4d54, AddressHrp.TESTNET, PowParams.TESTNET, difficulty,
                SubsidySchedule.TESTNET, TimeRules.MAX_FUTURE_SECONDS,
                GenesisBlocks.create(0x4e55_4d54, GENESIS_TIME, CompactTarget.fromTarget(difficulty.powLimit()), 7L));
    }

    /** Regtest: blocks on demand at a fixed, trivial target; Argon2id 16 KiB. Chain id "NUMR". */
    public static NetworkParams regtest() {
        DifficultyParams difficulty = DifficultyParams.regtest();
        return new NetworkParams(Network.REGTEST, 0x4e55_4d52, AddressHrp.REGTEST, PowParams.REGTEST, difficulty,
                SubsidySchedule.REGTEST, TimeRules.MAX_FUTURE_SECONDS,
                GenesisBlocks.create(0x4e55_4d52, GENESIS_TIME, CompactTarget.fromTarget(difficulty.powLimit()), 0L));
    }

    public Hash256 genesisId() {
        return BlockHeaderCodec.id(genesis.header());
    }
}
