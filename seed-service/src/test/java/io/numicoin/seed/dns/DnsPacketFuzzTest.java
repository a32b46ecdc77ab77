package io.numicoin.seed.dns;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer: any packet, given to the responder over UDP and TCP, meets {@link DnsReplyContract}.
 * Under plain {@code mvn test} it runs on the empty input and the committed inputs in
 * {@code src/test/resources/io/numicoin/seed/dns/DnsPacketFuzzTestInputs/responder/}. To fuzz:
 * {@code scripts/fuzz DnsPacketFuzzTest}.
 */
class DnsPacketFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void responder(byte[] packet) {
        DnsReplyContract.check(packet);
    }
}
