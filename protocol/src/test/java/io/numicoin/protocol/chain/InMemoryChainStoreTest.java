package io.numicoin.protocol.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.params.NetworkParams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link InMemoryChainStore}: every body kept by default, only the last ones with {@link InMemoryChainStore#keepingLast}. */
class InMemoryChainStoreTest {

    private static final NetworkParams REGTEST = NetworkParams.regtest();

    private static List<Hash256> storeTen(InMemoryChainStore store) {
        Block body = REGTEST.genesis();  // the bytes do not matter here: only which ids the store still holds
        List<Hash256> ids = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            byte[] id = new byte[Hash256.SIZE];
            id[0] = (byte) i;
            ids.add(Hash256.of(id));
            store.storeBlock(ids.getLast(), body);
        }
        return ids;
    }

    @Test
    void keepsEveryBodyByDefault() {
        InMemoryChainStore store = new InMemoryChainStore(REGTEST.genesisId(), REGTEST.genesis());
        List<Hash256> ids = storeTen(store);
        assertThat(ids).allMatch(id -> store.block(id).isPresent());
        assertThat(store.block(REGTEST.genesisId())).isPresent();
    }

    @Test
    void keepingLastForgetsTheOldestBodies() {
        InMemoryChainStore store = InMemoryChainStore.keepingLast(3, REGTEST.genesisId(), REGTEST.genesis());
        List<Hash256> ids = storeTen(store);
        assertThat(ids.subList(7, 10)).allMatch(id -> store.block(id).isPresent());
        assertThat(ids.subList(0, 7)).noneMatch(id -> store.block(id).isPresent());
        assertThat(store.block(REGTEST.genesisId())).as("the genesis body was stored first").isEmpty();
        assertThat(store.tip()).isEqualTo(REGTEST.genesisId());
        assertThatThrownBy(() -> InMemoryChainStore.keepingLast(0, REGTEST.genesisId(), REGTEST.genesis()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
