package io.numicoin.protocol.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.pow.CompactTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GenesisPinsTest {

    @ParameterizedTest
    @EnumSource(Network.class)
    void everyNetworksParametersBuildItsPinnedGenesis(Network network) {
        NetworkParams params = NetworkParams.of(network);
        assertThat(GenesisPins.mismatch(params)).isEmpty();
        assertThat(GenesisPins.verified(params)).isSameAs(params);
        assertThat(params.genesisId()).isEqualTo(GenesisPins.pinned(network));
    }

    @Test
    void aChangedGenesisTimeIsRefusedWithAClearMessage() {
        NetworkParams mainnet = NetworkParams.mainnet();
        NetworkParams edited = withGenesis(mainnet, GenesisBlocks.create(mainnet.chainId(),
                mainnet.genesis().header().timestamp() - 86_400, mainnet.genesis().header().target(), mainnet.genesis().header().nonce()));

        assertThat(GenesisPins.mismatch(edited)).hasValueSatisfying(message -> assertThat(message)
                .contains("mainnet").contains(edited.genesisId().toString()).contains(GenesisPins.pinned(Network.MAINNET).toString())
                .contains("refusing to start"));
        assertThatThrownBy(() -> GenesisPins.verified(edited)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pinned genesis id");
    }

    @Test
    void anotherNetworksGenesisUnderThisNetworksNameIsRefused() {
        NetworkParams testnet = NetworkParams.testnet();
        NetworkParams mixed = withGenesis(testnet, NetworkParams.regtest().genesis());
        assertThat(GenesisPins.mismatch(mixed)).isPresent();
        NetworkParams easier = withGenesis(testnet, GenesisBlocks.create(testnet.chainId(), testnet.genesis().header().timestamp(),
                new CompactTarget(0x207f_ffff), 0));
        assertThat(GenesisPins.mismatch(easier)).isPresent();
    }

    private static NetworkParams withGenesis(NetworkParams params, io.numicoin.protocol.block.Block genesis) {
        return new NetworkParams(params.network(), params.chainId(), params.hrp(), params.pow(), params.difficulty(),
                params.subsidy(), params.maxFutureSeconds(), genesis);
    }
}
