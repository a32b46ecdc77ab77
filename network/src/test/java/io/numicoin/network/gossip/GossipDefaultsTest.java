package io.numicoin.network.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.numicoin.network.LoopbackPair;
import io.numicoin.network.NetworkProtocols;
import io.numicoin.p2p.gossipsub.GossipListener;
import io.numicoin.p2p.gossipsub.PublishResult;
import io.numicoin.p2p.gossipsub.ReceivedMessage;
import io.numicoin.p2p.gossipsub.ValidationResult;
import io.numicoin.p2p.gossipsub.host.GossipsubService;
import io.numicoin.p2p.gossipsub.rpc.Blob;
import io.numicoin.protocol.params.Network;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GossipDefaultsTest {

    final String topic = NetworkProtocols.of(Network.REGTEST, Duration.ofSeconds(5)).blocksTopic();

    @Test
    void messagesGoUnsignedAndAreIdentifiedByTheHashOfTheirData() throws Exception {
        LinkedBlockingQueue<ReceivedMessage> received = new LinkedBlockingQueue<>();
        try (LoopbackPair pair = new LoopbackPair()) {
            GossipsubService sender = GossipDefaults.start(pair.client, GossipListener.NONE);
            GossipsubService receiver = GossipDefaults.start(pair.server, GossipListener.NONE);
            try {
                receiver.subscribe(topic, message -> {
                    received.add(message);
                    return CompletableFuture.completedFuture(ValidationResult.ACCEPT);
                }).get(5, TimeUnit.SECONDS);
                sender.subscribe(topic, message -> CompletableFuture.completedFuture(ValidationResult.ACCEPT)).get(5, TimeUnit.SECONDS);
                pair.connect();

                // distinct data per attempt: a message published before the receiver joined the mesh is in the seen-cache
                AtomicInteger attempt = new AtomicInteger();
                byte[][] sent = new byte[1][];
                await().atMost(Duration.ofSeconds(10)).until(() -> {
                    sent[0] = ("block " + attempt.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
                    return sender.publish(topic, sent[0]).get(5, TimeUnit.SECONDS).peers() > 0;
                });
                ReceivedMessage message = received.poll(5, TimeUnit.SECONDS);
                while (message != null && !message.data().equals(Blob.of(sent[0]))) {
                    message = received.poll(5, TimeUnit.SECONDS);
                }

                assertThat(message).isNotNull();
                assertThat(message.message().hasOriginFields()).isFalse();
                assertThat(message.id()).isEqualTo(Blob.of(MessageDigest.getInstance("SHA-256").digest(sent[0])));
                assertThat(sender.publish(topic, sent[0]).get(5, TimeUnit.SECONDS).outcome()).isEqualTo(PublishResult.Outcome.DUPLICATE);
            } finally {
                sender.close();
                receiver.close();
            }
        }
    }
}
