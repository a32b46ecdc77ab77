package io.numicoin.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.merkle.MerkleTree;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.testing.GoldenFile;
import io.numicoin.protocol.testing.GoldenFixtures;
import io.numicoin.protocol.tx.Transaction;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed golden vectors under {@code src/test/resources/golden/}: each value, built field by
 * field in {@link GoldenFixtures}, must encode to the committed bytes, decode back from them, and
 * hash to the committed id. A failure here means the consensus encoding changed.
 */
class GoldenVectorsTest {

    static List<GoldenFile.Case> headers() {
        return GoldenFile.read("headers.txt");
    }

    static List<GoldenFile.Case> transactions() {
        return GoldenFile.read("transactions.txt");
    }

    static List<GoldenFile.Case> blocks() {
        return GoldenFile.read("blocks.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headers")
    void headerEncodingAndBlockId(GoldenFile.Case golden) throws DecodeException {
        BlockHeader fixture = GoldenFixtures.headers().get(golden.label());
        byte[] bytes = Bytes.fromHex(golden.field(0)).toArray();

        assertThat(Bytes.of(BlockHeaderCodec.encode(fixture)).toHex()).isEqualTo(golden.field(0));
        assertThat(BlockHeaderCodec.decode(bytes)).isEqualTo(fixture);
        assertThat(BlockHeaderCodec.id(fixture).toHex()).isEqualTo(golden.field(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transactions")
    void transactionEncodingAndTxid(GoldenFile.Case golden) throws DecodeException {
        Transaction fixture = GoldenFixtures.transactions().get(golden.label());
        byte[] bytes = Bytes.fromHex(golden.field(1)).toArray();

        assertThat(Bytes.of(TransactionCodec.encode(fixture)).toHex()).isEqualTo(golden.field(1));
        assertThat(TransactionCodec.decode(bytes)).isEqualTo(fixture);
        assertThat(TransactionCodec.encodedSize(fixture)).isEqualTo(bytes.length);
        assertThat(TransactionCodec.txid(fixture).toHex()).isEqualTo(golden.field(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void blockEncodingMerkleRootAndId(GoldenFile.Case golden) throws DecodeException {
        Block fixture = GoldenFixtures.blocks().get(golden.label());
        byte[] bytes = Bytes.fromHex(golden.field(2)).toArray();

        assertThat(MerkleTree.root(fixture.transactions()).toHex()).isEqualTo(golden.field(0));
        assertThat(fixture.header().merkleRoot().toHex()).isEqualTo(golden.field(0));
        assertThat(BlockHeaderCodec.id(fixture.header()).toHex()).isEqualTo(golden.field(1));
        assertThat(Bytes.of(BlockCodec.encode(fixture)).toHex()).isEqualTo(golden.field(2));
        assertThat(BlockCodec.decode(bytes)).isEqualTo(fixture);
        assertThat(BlockCodec.encodedSize(fixture)).isEqualTo(bytes.length);
    }

    @Test
    void everyFixtureHasAVectorAndEveryVectorAFixture() {
        assertThat(headers()).map(GoldenFile.Case::label).containsExactlyElementsOf(GoldenFixtures.headers().keySet());
        assertThat(transactions()).map(GoldenFile.Case::label)
                .containsExactlyElementsOf(GoldenFixtures.transactions().keySet());
        assertThat(blocks()).map(GoldenFile.Case::label)
                .containsExactly("block-1tx", "block-2tx", "block-3tx", "block-5tx")
                .containsExactlyElementsOf(GoldenFixtures.blocks().keySet());
    }

    @Test
    void unsignedTransferHasTheSignedOnesTxid() {
        List<GoldenFile.Case> cases = transactions();
        String signed = cases.stream().filter(c -> c.label().equals("transfer-2of3")).findFirst().orElseThrow().field(0);
        String unsigned = cases.stream().filter(c -> c.label().equals("transfer-2of3-unsigned")).findFirst().orElseThrow().field(0);
        assertThat(unsigned).isEqualTo(signed);
    }
}
