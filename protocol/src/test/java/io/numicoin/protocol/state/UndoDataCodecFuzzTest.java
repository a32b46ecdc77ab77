package io.numicoin.protocol.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.numicoin.protocol.codec.DecodeException;

/**
 * Any input either decodes to undo data that re-encodes to the very same bytes, or fails with a
 * {@link DecodeException}: nothing else is thrown. Runs the seeds under
 * {@code UndoDataCodecFuzzTestInputs/decode} in a normal build; {@code JAZZER_FUZZ=1} fuzzes.
 */
class UndoDataCodecFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] input) {
        UndoData undo;
        try {
            undo = UndoDataCodec.decode(input);
        } catch (DecodeException expected) {
            return;
        }
        assertThat(UndoDataCodec.encode(undo)).isEqualTo(input);
    }
}
