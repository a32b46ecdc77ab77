package io.numicoin.p2p.gossipsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.p2p.gossipsub.MessageAuthenticity.Check;
import io.numicoin.p2p.gossipsub.rpc.Blob;
import io.numicoin.p2p.gossipsub.rpc.Message;
import io.numicoin.p2p.gossipsub.rpc.Rpc;
import io.numicoin.p2p.gossipsub.rpc.RpcCodec;
import io.numicoin.p2p.gossipsub.rpc.RpcLimits;
import io.numicoin.p2p.gossipsub.score.PeerScoreParams;
import io.numicoin.p2p.gossipsub.score.TopicScoreParams;
import io.numicoin.p2p.gossipsub.sim.RecordingValidator;
import io.numicoin.p2p.gossipsub.sim.SimNetwork;
import io.numicoin.p2p.gossipsub.sim.SimNode;
import io.numicoin.p2p.identity.NodeIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** StrictSign: own messages are origin-stamped and Ed25519-signed; forged ones are rejected. */
class StrictSignTest {

    private static final String TOPIC = "signed";

    private static MessageSigner signer() {
        return MessageSigner.of(NodeIdentity.generate());
    }

    @Test
    void signedMessagesVerifyAndCarryTheAuthor() throws Exception {
        MessageSigner signer = signer();
        Message unsigned = new Message(Blob.of(signer.author().toBytes()), Blob.ofHex("cafe"),
                Blob.ofHex("0000000000000007"), TOPIC, null, null);
        Message signed = MessageAuthenticity.sign(unsigned, signer);
        assertThat(signed.signature().size()).isEqualTo(64);
        assertThat(signed.key()).isNull();
        assertThat(MessageAuthenticity.check(signed, SignaturePolicy.STRICT_SIGN)).isEqualTo(Check.VALID);
        assertThat(MessageAuthenticity.check(signed, SignaturePolicy.STRICT_NO_SIGN)).isEqualTo(Check.UNEXPECTED_AUTH_FIELDS);

        Message otherData = new Message(signed.from(), Blob.ofHex("cafd"), signed.seqno(), TOPIC, signed.signature(), null);
        assertThat(MessageAuthenticity.check(otherData, SignaturePolicy.STRICT_SIGN)).isEqualTo(Check.INVALID_SIGNATURE);
        Message noSeqno = new Message(signed.from(), signed.data(), null, TOPIC, signed.signature(), null);
        assertThat(MessageAuthenticity.check(noSeqno, SignaturePolicy.STRICT_SIGN)).isEqualTo(Check.MISSING_AUTH_FIELDS);
        Message wrongAuthor = new Message(Blob.of(signer().author().toBytes()), signed.data(), signed.seqno(), TOPIC,
                signed.signature(), null);
        assertThat(MessageAuthenticity.check(wrongAuthor, SignaturePolicy.STRICT_SIGN)).isEqualTo(Check.INVALID_SIGNATURE);
        byte[] key = HexFormat.of().parseHex("08011220" + "00".repeat(32));
        Message mismatchedKey = signed.withSignature(signed.signature(), Blob.of(key));
        assertThat(MessageAuthenticity.check(mismatchedKey, SignaturePolicy.STRICT_SIGN)).isEqualTo(Check.BAD_AUTHOR_KEY);
    }

    @Test
    void signingPayloadIsThePrefixedProtobufWithoutSignatureAndKey() {
        Message m = new Message(Blob.ofHex("0102"), Blob.ofHex("03"), Blob.ofHex("04"), "t", Blob.ofHex("05"), Blob.ofHex("06"));
        assertThat(HexFormat.of().formatHex(MessageAuthenticity.signingPayload(m)))
                .isEqualTo(HexFormat.of().formatHex("libp2p-pubsub:".getBytes(StandardCharsets.US_ASCII))
                        + "0a020102" + "120103" + "1a0104" + "220174");
    }

    @Test
    void aSignedNetworkDeliversAndDropsForgeries() throws Exception {
        SimNetwork network = new SimNetwork(31, new RpcCodec(RpcLimits.DEFAULT));
        GossipConfig config = GossipConfig.defaults(SignaturePolicy.STRICT_SIGN)
                .withScoreParams(PeerScoreParams.defaults(Map.of(TOPIC, TopicScoreParams.defaults()), peer -> 0));
        List<SimNode> nodes = new ArrayList<>();
        List<RecordingValidator> validators = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            MessageSigner signer = signer();
            SimNode node = network.addNode(signer.author(), config, signer);
            RecordingValidator validator = RecordingValidator.accepting(network);
            node.router().subscribe(TOPIC, validator);
            nodes.add(node);
            validators.add(validator);
        }
        network.connectRandomly(2);
        network.runFor(Duration.ofSeconds(3));

        PublishResult first = nodes.get(0).router().publish(TOPIC, Blob.ofHex("aa"));
        PublishResult second = nodes.get(0).router().publish(TOPIC, Blob.ofHex("aa"));
        assertThat(second.outcome()).as("same data, new seqno: a new message").isEqualTo(PublishResult.Outcome.PUBLISHED);
        assertThat(second.messageId()).isNotEqualTo(first.messageId());
        network.runFor(Duration.ofSeconds(2));
        for (int i = 1; i < nodes.size(); i++) {
            assertThat(validators.get(i).seen()).hasSize(2).allSatisfy(m -> {
                assertThat(m.message().from()).isEqualTo(Blob.of(nodes.get(0).id.toBytes()));
                assertThat(m.id()).isEqualTo(m.message().from().concat(m.message().seqno()));
            });
        }

        SimNode victim = nodes.get(1);
        SimNode neighbour = nodes.stream().filter(n -> victim.router().peers().contains(n.id)).findFirst().orElseThrow();
        Message genuine = validators.get(1).seen().getFirst().message();
        Message forged = new Message(genuine.from(), Blob.ofHex("bb"), Blob.ofHex("00000000000000ff"), TOPIC,
                genuine.signature(), null);
        network.inject(neighbour.id, victim, Rpc.ofMessages(List.of(forged)));
        network.runFor(Duration.ofMillis(100));
        assertThat(validators.get(1).count()).isEqualTo(2);
        assertThat(victim.router().score(neighbour.id)).isLessThan(0);
    }
}
