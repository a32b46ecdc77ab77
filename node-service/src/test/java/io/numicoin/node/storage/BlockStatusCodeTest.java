package io.numicoin.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.chain.BlockStatus;
import org.junit.jupiter.api.Test;

class BlockStatusCodeTest {

    @Test
    void codesAreFixedAndRoundTrip() {
        assertThat(BlockStatusCode.of(BlockStatus.HEADER_ONLY)).isEqualTo((short) 0);
        assertThat(BlockStatusCode.of(BlockStatus.DATA_AVAILABLE)).isEqualTo((short) 1);
        assertThat(BlockStatusCode.of(BlockStatus.VALID)).isEqualTo((short) 2);
        assertThat(BlockStatusCode.of(BlockStatus.INVALID)).isEqualTo((short) 3);
        assertThat(BlockStatusCode.of(BlockStatus.INVALID_ANCESTOR)).isEqualTo((short) 4);
        assertThat(BlockStatusCode.of(BlockStatus.FROM_SNAPSHOT)).isEqualTo((short) 5);
        for (BlockStatus status : BlockStatus.values()) {
            assertThat(BlockStatusCode.status(BlockStatusCode.of(status))).isEqualTo(status);
        }
        assertThatThrownBy(() -> BlockStatusCode.status(6)).isInstanceOf(IllegalArgumentException.class);
    }
}
