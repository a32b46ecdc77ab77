package io.numicoin.p2p.gossipsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.p2p.gossipsub.rpc.Blob;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.IHave;
import io.numicoin.p2p.gossipsub.rpc.Message;
import io.numicoin.p2p.gossipsub.rpc.Rpc;
import io.numicoin.p2p.gossipsub.rpc.RpcCodec;
import io.numicoin.p2p.gossipsub.rpc.RpcDecodeException;
import io.numicoin.p2p.gossipsub.rpc.RpcLimits;
import io.numicoin.p2p.peer.PeerId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private static final PeerId PEER = PeerId.fromEd25519PublicKey(new byte[32]);

    @Test
    void packsControlWithMessagesAndSplitsAtTheLimits() throws RpcDecodeException {
        RpcLimits limits = RpcLimits.DEFAULT.withMaxRpcBytes(10_000).withMaxMessageBytes(4_000);
        limits = new RpcLimits(limits.maxRpcBytes(), limits.maxMessageBytes(), limits.maxTopicBytes(), limits.maxIdBytes(),
                limits.maxFieldBytes(), limits.maxSubscriptions(), limits.maxMessages(), limits.maxControlEntries(), 300,
                limits.maxPeerInfos());
        Outbox outbox = new Outbox(limits);
        Random random = new Random(5);
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            byte[] data = new byte[random.nextInt(1, 3_000)];
            random.nextBytes(data);
            messages.add(Message.unsigned("t", Blob.of(data)));
            outbox.message(PEER, messages.getLast());
        }
        List<Blob> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ids.add(Blob.of(new byte[] {(byte) i, (byte) (i >> 8)}));
        }
        outbox.ihave(PEER, new IHave("t", ids.subList(0, 250)));
        outbox.ihave(PEER, new IHave("t", ids.subList(250, 500)));
        outbox.graft(PEER, "t");

        List<Rpc> sent = new ArrayList<>();
        outbox.flush((peer, rpc) -> sent.add(rpc));
        RpcCodec strict = new RpcCodec(limits);
        List<Message> received = new ArrayList<>();
        int ihaveIds = 0;
        for (Rpc rpc : sent) {
            Rpc decoded = strict.decode(RpcCodec.encode(rpc)); // the receiver accepts every one
            received.addAll(decoded.publish());
            ihaveIds += decoded.control().ihave().stream().mapToInt(i -> i.messageIds().size()).sum();
        }
        assertThat(received).isEqualTo(messages);
        assertThat(ihaveIds).isEqualTo(500);
        assertThat(sent.getFirst().control().graft()).hasSize(1);
        assertThat(sent.size()).isBetween(3, 6);
        outbox.flush((peer, rpc) -> sent.add(rpc));
        assertThat(sent.size()).as("nothing left after a flush").isBetween(3, 6);
    }
}
