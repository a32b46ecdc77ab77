package io.numicoin.network.sync;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.testing.CanonicalCodecs.Codec;
import java.util.Arrays;
import java.util.List;

/**
 * Jazzer fuzz tests of the sync protocols' decoders (what a peer sends on {@code status},
 * {@code headers} and {@code blocks}): any input is refused with a {@code DecodeException} or
 * decodes to a value whose encoding is exactly that input, no longer than the message's bound.
 *
 * <p>Under plain {@code mvn test} each runs on the empty input and the committed seeds in
 * {@code src/test/resources/io/numicoin/network/sync/SyncCodecFuzzTestInputs/<method>/}. To fuzz:
 * {@code scripts/fuzz SyncCodecFuzzTest} (docs/fuzzing.md).
 */
class SyncCodecFuzzTest {

    private static final Codec<ChainStatusMessage> STATUS =
            new Codec<>("status", SyncCodec::decodeStatus, SyncCodec::encodeStatus);
    private static final Codec<SyncCodec.HeadersRequest> HEADERS_REQUEST =
            new Codec<>("headers request", SyncCodec::decodeHeadersRequest, SyncCodec::encodeHeadersRequest);

    @FuzzTest(maxDuration = "60s")
    void status(byte[] input) {
        STATUS.check(input).ifPresent(s -> bounded(input, SyncCodec.STATUS_BYTES_MAX));
    }

    @FuzzTest(maxDuration = "60s")
    void headersRequest(byte[] input) {
        HEADERS_REQUEST.check(input).ifPresent(request -> {
            bounded(input, SyncCodec.HEADERS_REQUEST_BYTES_MAX);
            if (request.locator().isEmpty() || request.locator().size() > SyncCodec.MAX_LOCATOR) {
                throw new AssertionError("locator of " + request.locator().size());
            }
        });
    }

    /**
     * A headers response to a request for {@code max} headers: the first two bytes of the input
     * (big-endian, 0 read as 1) are {@code max}, the rest is the response.
     */
    @FuzzTest(maxDuration = "60s")
    void headersResponse(byte[] input) {
        if (input.length < 2) {
            return;
        }
        int max = Math.max(1, ((input[0] & 0xff) << 8 | (input[1] & 0xff)) % (SyncCodec.MAX_HEADERS + 1));
        byte[] response = Arrays.copyOfRange(input, 2, input.length);
        new Codec<List<BlockHeader>>("headers response", bytes -> SyncCodec.decodeHeaders(bytes, max), SyncCodec::encodeHeaders)
                .check(response).ifPresent(headers -> {
                    bounded(response, SyncCodec.HEADERS_RESPONSE_BYTES_MAX);
                    if (headers.size() > max) {
                        throw new AssertionError(headers.size() + " headers decoded, " + max + " asked for");
                    }
                });
    }

    /** The block request (32-byte id) and, on the same bytes, the block response is protocol's BlockCodec (fuzzed there). */
    @FuzzTest(maxDuration = "60s")
    void blockRequest(byte[] input) {
        new Codec<>("block request", SyncCodec::decodeBlockRequest, SyncCodec::encodeBlockRequest).check(input);
    }

    private static void bounded(byte[] input, int max) {
        if (input.length > max) {
            throw new AssertionError("accepted " + input.length + " bytes, the bound is " + max);
        }
    }
}
