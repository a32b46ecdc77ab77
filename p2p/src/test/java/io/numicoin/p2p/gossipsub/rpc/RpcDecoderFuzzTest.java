package io.numicoin.p2p.gossipsub.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz test of the RPC decoder: any input either decodes to an RPC that re-encodes to bytes
 * of exactly the computed size and decodes back to the same RPC, or is refused with an
 * {@link RpcDecodeException}; anything else is a finding. (Re-encoding need not reproduce the input:
 * unknown fields are skipped and repeated control fields merge.)
 *
 * <p>Under plain {@code mvn test} it runs on the empty input and the committed seeds in
 * {@code src/test/resources/io/numicoin/p2p/gossipsub/rpc/RpcDecoderFuzzTestInputs/decode/}
 * (written by {@link RpcFuzzSeedWriter}). To fuzz: {@code scripts/fuzz RpcDecoderFuzzTest}.
 */
class RpcDecoderFuzzTest {

    /** Small limits, so the fuzzer reaches every limit check. */
    private static final RpcCodec CODEC = new RpcCodec(new RpcLimits(4096, 1024, 64, 48, 128, 8, 8, 16, 32, 4));

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] input) {
        Rpc rpc;
        try {
            rpc = CODEC.decode(input);
        } catch (RpcDecodeException refused) {
            return;
        }
        byte[] encoded = RpcCodec.encode(rpc);
        assertThat(encoded).hasSize(RpcCodec.encodedSize(rpc));
        try {
            assertThat(CODEC.decode(encoded)).isEqualTo(rpc);
        } catch (RpcDecodeException e) {
            throw new AssertionError("re-encoding of an accepted RPC was refused: " + e.getMessage(), e);
        }
    }
}
