package io.numicoin.events.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.numicoin.events.EventDecodeException;
import io.numicoin.events.testing.EventContract;

/**
 * Jazzer fuzz tests, one per topic decoder and one for the envelope peek: any input is refused with
 * an {@code EventDecodeException} or decodes per {@link EventContract}; anything else is a finding.
 *
 * <p>Under plain {@code mvn test} each runs on the empty input and the committed seeds in
 * {@code src/test/resources/io/numicoin/events/codec/EventDecoderFuzzTestInputs/<method>/}
 * (written by {@code EventFuzzSeedWriter}). To fuzz: {@code scripts/fuzz EventDecoderFuzzTest}.
 */
class EventDecoderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void chainDecode(byte[] input) {
        EventContract.CHAIN.check(input);
    }

    @FuzzTest(maxDuration = "60s")
    void transactionSeenDecode(byte[] input) {
        EventContract.TX.check(input);
    }

    @FuzzTest(maxDuration = "60s")
    void mempoolDecode(byte[] input) {
        EventContract.MEMPOOL.check(input);
    }

    @FuzzTest(maxDuration = "60s")
    void peerDecode(byte[] input) {
        EventContract.PEERS.check(input);
    }

    @FuzzTest(maxDuration = "60s")
    void envelopePeek(byte[] input) {
        try {
            EnvelopeCodec.peek(input);
        } catch (EventDecodeException refused) {
            if (refused.error() == null) {
                throw new AssertionError("refused without a reason");
            }
        }
    }
}
