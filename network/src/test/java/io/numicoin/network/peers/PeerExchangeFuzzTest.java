package io.numicoin.network.peers;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.numicoin.p2p.multiaddr.Multiaddr;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Jazzer fuzz tests of the {@code /numi/<network>/peers/1} decoders, what any peer (or crawler)
 * sends: an input is refused with a {@link PeerExchangeException} or decodes to what encodes back
 * to exactly that input; a response holds no more addresses than asked for, each with its
 * {@code /p2p/} id. Any other exception is a finding.
 *
 * <p>Under plain {@code mvn test} each runs on the empty input and the committed seeds in
 * {@code src/test/resources/io/numicoin/network/peers/PeerExchangeFuzzTestInputs/<method>/}. To
 * fuzz: {@code scripts/fuzz PeerExchangeFuzzTest} (docs/fuzzing.md).
 */
class PeerExchangeFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void request(byte[] input) {
        int max;
        try {
            max = PeerExchangeCodec.decodeRequest(input);
        } catch (PeerExchangeException refused) {
            explained(refused);
            return;
        }
        if (max < 1 || max > PeerExchangeCodec.MAX_ADDRESSES || !Arrays.equals(PeerExchangeCodec.encodeRequest(max), input)) {
            throw new AssertionError("request " + HexFormat.of().formatHex(input) + " decoded to " + max);
        }
    }

    /** A response to a request for {@code max} addresses: the first input byte gives max (1..64), the rest is the response. */
    @FuzzTest(maxDuration = "60s")
    void response(byte[] input) {
        if (input.length < 1) {
            return;
        }
        int max = 1 + (input[0] & 0xff) % PeerExchangeCodec.MAX_ADDRESSES;
        byte[] response = Arrays.copyOfRange(input, 1, input.length);
        List<Multiaddr> addresses;
        try {
            addresses = PeerExchangeCodec.decodeResponse(response, max);
        } catch (PeerExchangeException refused) {
            explained(refused);
            return;
        }
        if (addresses.size() > max) {
            throw new AssertionError(addresses.size() + " addresses, " + max + " asked for");
        }
        if (response.length > PeerExchangeCodec.MAX_RESPONSE_BYTES) {
            throw new AssertionError("accepted " + response.length + " bytes, the bound is " + PeerExchangeCodec.MAX_RESPONSE_BYTES);
        }
        for (Multiaddr address : addresses) {
            if (address.peerId().isEmpty()) {
                throw new AssertionError("address without /p2p/: " + address);
            }
        }
        byte[] again = PeerExchangeCodec.encodeResponse(addresses);
        if (!Arrays.equals(again, response)) {
            throw new AssertionError("response " + HexFormat.of().formatHex(response) + " decoded to " + addresses
                    + ", which encodes to " + HexFormat.of().formatHex(again));
        }
    }

    private static void explained(PeerExchangeException refused) {
        if (refused.getMessage() == null || refused.getMessage().isBlank()) {
            throw new AssertionError("refused without a reason");
        }
    }
}
