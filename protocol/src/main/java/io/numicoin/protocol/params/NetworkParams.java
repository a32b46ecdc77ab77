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
import java.util.List;
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

    /** 2026-11-25T00:00:00Z, the genesis time of testnet and regtest. */
    static final long GENESIS_TIME = 1_795_564_800L;
    /**
     * 2027-03-01T00:00:00Z, mainnet's genesis time: the launch moment, set by the launch procedure
     * (docs/launch.md). No block 1 is valid before it (a timestamp must pass the genesis time and
     * stay within the future limit of the node's clock), so no one can mine mainnet early.
     */
    static final long MAINNET_GENESIS_TIME = 1_803_859_200L;

    /** The nonce that makes mainnet's genesis header meet its target (found by the launch procedure). */
    private static final long MAINNET_GENESIS_NONCE = 412L;

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

    /**
     * Mainnet: 30 s blocks, Argon2id 4 MiB, ASERT anchored at block 1 with the launch's initial target.
     * Chain id "NUMI".
     */
    public static NetworkParams mainnet() {
        DifficultyParams difficulty = DifficultyParams.mainnet();
        return new NetworkParams(Network.MAINNET, 0x4e55_4d49, AddressHrp.MAINNET, PowParams.MAINNET, difficulty,
                SubsidySchedule.MAINNET, TimeRules.MAX_FUTURE_SECONDS,
                GenesisBlocks.create(0x4e55_4d49, MAINNET_GENESIS_TIME, CompactTarget.fromTarget(difficulty.powLimit()),
                        MAINNET_GENESIS_NONCE));
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

    /**
     * The DNS seeds a node of this network asks for peers when it knows none (A/AAAA records and
     * libp2p {@code _dnsaddr} TXT records, served by seed-service, docs/seed.md). Not consensus: a
     * node may add its own ({@code numi.p2p.discovery.dns-seeds}) or ignore these. Regtest has none
     * (a devnet passes its local seed by configuration).
     */
    public List<String> dnsSeeds() {
        return switch (network) {
            case MAINNET -> List.of("seed1.numicoin.org", "seed2.numicoin.org");
            case TESTNET -> List.of("seed.testnet.numicoin.org");
            case REGTEST -> List.of();
        };
    }
}
