package io.numicoin.protocol.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.merkle.MerkleTree;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.pow.PowCheck;
import io.numicoin.protocol.pow.header.ProofOfWork;
import io.numicoin.protocol.state.StateCommitment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NetworkParamsTest {

    private static Map<String, String[]> golden() throws IOException {
        try (InputStream in = NetworkParamsTest.class.getResourceAsStream("/golden/genesis.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.trim().split("\\s+"))
                    .collect(Collectors.toMap(parts -> parts[0], parts -> Arrays.copyOfRange(parts, 1, parts.length)));
        }
    }

    @ParameterizedTest
    @EnumSource(Network.class)
    void genesisIsTheHardCodedBlock(Network network) throws IOException {
        NetworkParams params = NetworkParams.of(network);
        String[] expected = golden().get(network.id());
        assertThat(expected).as("golden genesis for %s", network).isNotNull();
        assertThat(params.genesisId()).isEqualTo(Hash256.fromHex(expected[0]));
        assertThat(HexFormat.of().formatHex(BlockHeaderCodec.encode(params.genesis().header()))).isEqualTo(expected[1]);
    }

    @ParameterizedTest
    @EnumSource(Network.class)
    void genesisIsMinedForRealAndSelfConsistent(Network network) throws DecodeException {
        NetworkParams params = NetworkParams.of(network);
        Block genesis = params.genesis();
        assertThat(new ProofOfWork(params.pow()).verify(genesis.header())).isEqualTo(PowCheck.VALID);
        assertThat(genesis.header().merkleRoot()).isEqualTo(MerkleTree.root(genesis.transactions()));
        assertThat(genesis.header().stateCommitment()).isEqualTo(StateCommitment.EMPTY);
        assertThat(genesis.header().height()).isZero();
        assertThat(genesis.header().previousId()).isEqualTo(Hash256.ZERO);
        assertThat(genesis.coinbase().chainId()).isEqualTo(params.chainId());
        assertThat(genesis.header().target()).isEqualTo(CompactTarget.fromTarget(params.difficulty().powLimit()));
        assertThat(BlockCodec.decode(BlockCodec.encode(genesis))).isEqualTo(genesis);
    }

    @Test
    void networksDifferInEverythingThatMustNotBeShared() {
        List<NetworkParams> all = Arrays.stream(Network.values()).map(NetworkParams::of).toList();
        assertThat(new HashSet<>(all.stream().map(NetworkParams::chainId).toList())).hasSize(3);
        assertThat(new HashSet<>(all.stream().map(NetworkParams::genesisId).toList())).hasSize(3);
        assertThat(new HashSet<>(all.stream().map(NetworkParams::hrp).toList())).hasSize(3);
    }

    @Test
    void networkIdsParse() {
        assertThat(Network.fromId("Regtest")).isEqualTo(Network.REGTEST);
        assertThatThrownBy(() -> Network.fromId("devnet")).hasMessageContaining("mainnet, testnet, regtest");
    }
}
