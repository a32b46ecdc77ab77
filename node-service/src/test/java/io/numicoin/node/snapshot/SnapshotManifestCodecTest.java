package io.numicoin.node.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.params.Network;
import io.numicoin.protocol.params.NetworkParams;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SnapshotManifestCodecTest {

    private static byte[] hash(Random random) {
        byte[] hash = new byte[32];
        random.nextBytes(hash);
        return hash;
    }

    @Test
    void aVersionOneManifestIsRefusedWithAClearReason() {
        NetworkParams params = NetworkParams.of(Network.REGTEST);
        byte[] encoded = SnapshotManifestCodec.encode(new SnapshotManifest(Network.REGTEST, 0, params.genesisId(),
                params.genesis().header(), BigInteger.ONE, Hash256.ZERO, 0, 0, List.of()));
        encoded[0] = 1;
        assertThatThrownBy(() -> SnapshotManifestCodec.decode(encoded)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("format version 1, which carries no header chain").hasMessageContaining("export it again");
    }

    @Test
    void roundTripsAndRefusesOversizedOrTrailingInput() throws DecodeException {
        Random random = new Random(42);
        NetworkParams params = NetworkParams.of(Network.REGTEST);
        for (int round = 0; round < 20; round++) {
            List<SnapshotManifest.Chunk> chunks = new ArrayList<>();
            for (int i = 0; i < random.nextInt(5); i++) {
                byte[] hash = new byte[32];
                random.nextBytes(hash);
                chunks.add(new SnapshotManifest.Chunk(1 + random.nextInt(SnapshotFormat.MAX_CHUNK_ELEMENTS), Hash256.of(hash)));
            }
            SnapshotManifest manifest = new SnapshotManifest(Network.REGTEST, random.nextInt(1_000_000), params.genesisId(),
                    params.genesis().header(), BigInteger.valueOf(random.nextLong() & Long.MAX_VALUE).shiftLeft(100),
                    Hash256.of(hash(random)), random.nextInt(1000), random.nextInt(100), chunks);
            byte[] encoded = SnapshotManifestCodec.encode(manifest);
            assertThat(SnapshotManifestCodec.decode(encoded)).isEqualTo(manifest);
            byte[] trailing = java.util.Arrays.copyOf(encoded, encoded.length + 1);
            assertThatThrownBy(() -> SnapshotManifestCodec.decode(trailing)).isInstanceOf(DecodeException.class);
            if (encoded.length > 1) {
                assertThatThrownBy(() -> SnapshotManifestCodec.decode(java.util.Arrays.copyOf(encoded, encoded.length - 1)))
                        .isInstanceOf(DecodeException.class);
            }
        }
        SnapshotManifest empty = new SnapshotManifest(Network.REGTEST, 0, params.genesisId(), params.genesis().header(),
                BigInteger.ONE, Hash256.ZERO, 0, 0, List.of());
        byte[] encoded = SnapshotManifestCodec.encode(empty);
        ByteBuffer.wrap(encoded).putInt(encoded.length - 4, SnapshotFormat.MAX_CHUNKS + 1);  // the chunk count
        assertThatThrownBy(() -> SnapshotManifestCodec.decode(encoded)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("chunk count");
    }
}
