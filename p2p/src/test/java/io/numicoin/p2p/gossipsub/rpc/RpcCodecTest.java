package io.numicoin.p2p.gossipsub.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.p2p.gossipsub.rpc.ControlMessage.Graft;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.IHave;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.IWant;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.PeerInfo;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.Prune;
import io.numicoin.p2p.gossipsub.rpc.RpcDecodeException.Reason;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RpcCodecTest {

    private static final HexFormat HEX = HexFormat.of();
    private final RpcCodec codec = new RpcCodec(RpcLimits.DEFAULT);

    @Test
    void encodesSubscriptionMessageAndControlAsTheProtobufSchemaDoes() {
        Rpc rpc = new Rpc(
                List.of(new Rpc.SubOpts(true, "a")),
                List.of(Message.unsigned("t", Blob.ofHex("6869"))),
                new ControlMessage(
                        List.of(new IHave("t", List.of(Blob.ofHex("01")))),
                        List.of(new IWant(List.of(Blob.ofHex("02")))),
                        List.of(new Graft("g")),
                        List.of(new Prune("p", List.of(new PeerInfo(Blob.ofHex("aa"), null)), OptionalLong.of(60)))));
        String expected = "0a05" + "0801" + "120161"         // subscriptions { subscribe: true, topicid: "a" }
                + "1207" + "12026869" + "220174"                 // publish { data: "hi", topic: "t" }
                + "1a1e"                                         // control (30 bytes)
                + "0a06" + "0a0174" + "120101"                   //   ihave { topicID: "t", messageIDs: [01] }
                + "1203" + "0a0102"                              //   iwant { messageIDs: [02] }
                + "1a03" + "0a0167"                              //   graft { topicID: "g" }
                + "220a" + "0a0170" + "1203" + "0a01aa" + "183c"; //   prune { "p", peers [{aa}], backoff 60 }
        assertThat(HEX.formatHex(RpcCodec.encode(rpc))).isEqualTo(expected);
    }

    @Test
    void decodesWhatItEncodes() throws RpcDecodeException {
        byte[] bytes = HEX.parseHex("0a050801120161" + "120712026869220174" + "1a1e" + "0a060a0174120101"
                + "12030a0102" + "1a030a0167" + "220a0a017012030a01aa183c");
        Rpc rpc = codec.decode(bytes);
        assertThat(rpc.subscriptions()).containsExactly(new Rpc.SubOpts(true, "a"));
        assertThat(rpc.publish()).containsExactly(Message.unsigned("t", Blob.ofHex("6869")));
        assertThat(rpc.control().ihave()).containsExactly(new IHave("t", List.of(Blob.ofHex("01"))));
        assertThat(rpc.control().iwant()).containsExactly(new IWant(List.of(Blob.ofHex("02"))));
        assertThat(rpc.control().graft()).containsExactly(new Graft("g"));
        assertThat(rpc.control().prune())
                .containsExactly(new Prune("p", List.of(new PeerInfo(Blob.ofHex("aa"), null)), OptionalLong.of(60)));
        assertThat(RpcCodec.encode(rpc)).isEqualTo(bytes);
    }

    @Test
    void randomRpcsRoundTripAndSizesAreExact() throws RpcDecodeException {
        Random random = new Random(20240611);
        RandomRpcs rpcs = new RandomRpcs(random);
        for (int i = 0; i < 2_000; i++) {
            Rpc rpc = rpcs.rpc();
            byte[] bytes = RpcCodec.encode(rpc);
            assertThat(bytes).hasSize(RpcCodec.encodedSize(rpc));
            Rpc decoded = codec.decode(bytes);
            assertThat(decoded).isEqualTo(rpc);
        }
    }

    @Test
    void skipsUnknownFieldsOfEveryWireTypeAndMergesRepeatedControl() throws RpcDecodeException {
        // field 9 varint, field 10 fixed64, field 11 bytes, field 12 fixed32, then two control fields
        // (graft "a", then graft "b") and an unknown IDONTWANT-like control field 5.
        byte[] bytes = HEX.parseHex("4801" + "510102030405060708" + "5a02ffff" + "6501020304"
                + "1a05" + "1a030a0161" + "1a07" + "1a030a0162" + "2a00");
        Rpc rpc = codec.decode(bytes);
        assertThat(rpc.control().graft()).containsExactly(new Graft("a"), new Graft("b"));
        assertThat(rpc.subscriptions()).isEmpty();
    }

    @Test
    void emptyInputIsTheEmptyRpc() throws RpcDecodeException {
        assertThat(codec.decode(new byte[0])).isEqualTo(Rpc.EMPTY);
        assertThat(RpcCodec.encode(Rpc.EMPTY)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "TRUNCATED, 0a05080112",                      // subscription cut short
            "TRUNCATED, 48",                              // unknown varint field, value missing
            "MALFORMED_VARINT, 48ffffffffffffffffff7f",   // 10-byte varint overflowing 64 bits
            "BAD_WIRE_TYPE, 0b",                          // group start
            "BAD_WIRE_TYPE, 0001",                        // field number 0
            "BAD_WIRE_TYPE, 0801",                        // subscriptions as a varint
            "INVALID_UTF8, 0a031201ff",                   // topic not UTF-8
            "MISSING_FIELD, 0a020801",                    // subscription without topic
            "MISSING_FIELD, 120412026869",               // message without topic
            "MISSING_FIELD, 1a021a00",                    // graft without topic
    })
    void refusesMalformedInput(Reason reason, String hex) {
        assertThatThrownBy(() -> codec.decode(HEX.parseHex(hex)))
                .isInstanceOfSatisfying(RpcDecodeException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void enforcesSizeAndCountLimits() {
        RpcLimits small = new RpcLimits(200, 100, 8, 4, 16, 2, 2, 3, 4, 1);
        RpcCodec strict = new RpcCodec(small);
        assertReason(strict, new byte[201], Reason.RPC_TOO_LARGE);
        assertReason(strict, encode(Rpc.ofMessages(List.of(Message.unsigned("t", Blob.of(new byte[100]))))),
                Reason.MESSAGE_TOO_LARGE);
        assertReason(strict, encode(Rpc.ofSubscriptions(List.of(new Rpc.SubOpts(true, "123456789")))),
                Reason.FIELD_TOO_LARGE);
        assertReason(strict, encode(Rpc.ofSubscriptions(List.of(
                new Rpc.SubOpts(true, "a"), new Rpc.SubOpts(true, "b"), new Rpc.SubOpts(true, "c")))),
                Reason.TOO_MANY_ENTRIES);
        assertReason(strict, encode(Rpc.ofControl(new ControlMessage(List.of(),
                List.of(new IWant(List.of(Blob.ofHex("0102030405")))), List.of(), List.of()))),
                Reason.FIELD_TOO_LARGE);
        assertReason(strict, encode(Rpc.ofControl(new ControlMessage(List.of(),
                List.of(new IWant(List.of(Blob.ofHex("01"), Blob.ofHex("02"), Blob.ofHex("03"))),
                        new IWant(List.of(Blob.ofHex("04"), Blob.ofHex("05")))), List.of(), List.of()))),
                Reason.TOO_MANY_ENTRIES);
        assertReason(strict, encode(Rpc.ofControl(new ControlMessage(List.of(), List.of(),
                List.of(new Graft("a"), new Graft("b"), new Graft("c"), new Graft("d")), List.of()))),
                Reason.TOO_MANY_ENTRIES);
        assertReason(strict, encode(Rpc.ofControl(new ControlMessage(List.of(), List.of(), List.of(),
                List.of(new Prune("a", List.of(new PeerInfo(null, null), new PeerInfo(null, null)),
                        OptionalLong.empty()))))),
                Reason.TOO_MANY_ENTRIES);
        Message bigSignature = new Message(null, Blob.EMPTY, null, "t", Blob.of(new byte[17]), null);
        assertReason(strict, encode(Rpc.ofMessages(List.of(bigSignature))), Reason.FIELD_TOO_LARGE);
    }

    private static byte[] encode(Rpc rpc) {
        return RpcCodec.encode(rpc);
    }

    private static void assertReason(RpcCodec codec, byte[] bytes, Reason reason) {
        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOfSatisfying(RpcDecodeException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
