package io.numicoin.protocol.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.numicoin.protocol.codec.DecodeException;

/**
 * The other decoders of stored state: a state element (what MuHash hashes) and a persisted
 * MuHash3072 accumulator. Any input either decodes to a value that re-encodes to the same bytes,
 * or fails with {@link DecodeException}. Seeds live under {@code StateDecoderFuzzTestInputs/}.
 */
class StateDecoderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void stateElement(byte[] input) {
        StateElement element;
        try {
            element = StateElementCodec.decode(input);
        } catch (DecodeException expected) {
            return;
        }
        assertThat(StateElementCodec.encode(element)).isEqualTo(input);
    }

    @FuzzTest(maxDuration = "60s")
    void accumulator(byte[] input) {
        MuHash3072 accumulator;
        try {
            accumulator = MuHash3072.fromBytes(input);
        } catch (DecodeException expected) {
            return;
        }
        assertThat(accumulator.toBytes()).isEqualTo(input);
    }
}
