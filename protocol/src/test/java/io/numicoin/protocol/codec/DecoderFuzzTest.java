package io.numicoin.protocol.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.numicoin.protocol.testing.CanonicalCodecs;

/**
 * Jazzer fuzz tests, one per decoder: any input either decodes to a value that re-encodes to the
 * same bytes, or is refused with a {@link DecodeException}; anything else is a finding.
 *
 * <p>Under plain {@code mvn test} (regression mode) each test runs on the empty input and the
 * committed seeds and findings in
 * {@code src/test/resources/io/numicoin/protocol/codec/DecoderFuzzTestInputs/<method>/}. To fuzz,
 * use {@code scripts/fuzz} (see {@code docs/fuzzing.md}).
 */
class DecoderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void headerDecode(byte[] input) {
        CanonicalCodecs.HEADER.check(input);
    }

    @FuzzTest(maxDuration = "60s")
    void policyRead(byte[] input) {
        CanonicalCodecs.POLICY.check(input);
    }

    @FuzzTest(maxDuration = "60s")
    void transactionDecode(byte[] input) {
        CanonicalCodecs.TRANSACTION.check(input);
    }

    @FuzzTest(maxDuration = "60s")
    void blockDecode(byte[] input) {
        CanonicalCodecs.BLOCK.check(input);
    }
}
