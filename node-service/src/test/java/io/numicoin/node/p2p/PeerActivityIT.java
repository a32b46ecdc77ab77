package io.numicoin.node.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.numicoin.node.p2p.peers.BanList;
import io.numicoin.node.p2p.peers.PeerEntry;
import io.numicoin.node.p2p.peers.PeerScores;
import io.numicoin.node.p2p.peers.PostgresAddressBook;
import io.numicoin.network.sync.ChainStatusMessage;
import io.numicoin.network.sync.SyncCodec;
import io.numicoin.p2p.gossipsub.PublishResult;
import io.numicoin.p2p.protocols.reqresp.RequestResponse;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What sync and gossip tell the peers package: a peer flooding status requests or transaction
 * gossip past its budget is refused, collects points and is banned while an honest node syncs
 * from the same server undisturbed; the address book learns the height a peer reports; a peer that
 * gave us a block is protected from eviction. Real nodes (own database each), bare libp2p peers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeerActivityIT {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final int STATUS_BURST = 10;
    static final int TX_BURST = 10;

    final EmbeddedKafka kafka = EmbeddedKafka.launch();
    final ChainBuilder builder = ChainBuilder.regtest();
    TestNode server;
    TestNode honest;
    Block tip = builder.genesis();

    @AfterAll
    void stop() {
        for (TestNode node : new TestNode[] {honest, server}) {
            if (node != null) {
                node.close();
            }
        }
        kafka.close();
    }

    @Test
    @Order(1)
    void aPeerFloodingStatusRequestsIsRefusedPenalisedAndBannedWhileHonestSyncCarriesOn() {
        server = TestNode.start("pa0", kafka, true, List.of(),
                "--numi.p2p.peers.limits.status-burst=" + STATUS_BURST, "--numi.p2p.peers.limits.status-per-second=1",
                "--numi.p2p.peers.limits.tx-gossip-burst=" + TX_BURST, "--numi.p2p.peers.limits.tx-gossip-per-second=1");
        for (Block block : builder.extend(tip, 300, 1)) {
            server.submit(block);
            tip = block;
        }
        try (RawPeer flooder = new RawPeer()) {
            flooder.dial(server);
            honest = TestNode.start("pa1", kafka, false, List.of(server.address()));
            byte[] status = SyncCodec.encodeStatus(new ChainStatusMessage(builder.params().genesisId(), builder.params().genesisId(), 0,
                    BigInteger.ONE));
            int served = 0;
            int refused = 0;
            for (int i = 0; i < 200 && server.peers().contains(flooder.peerId()); i++) {
                try {
                    RequestResponse.request(flooder.host, server.peerId(), flooder.protocols.status(), status).join();
                    served++;
                } catch (CompletionException e) {
                    refused++;
                }
            }
            BanList bans = server.context.getBean(BanList.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> bans.isBanned(flooder.peerId()));
            await().atMost(Duration.ofSeconds(10)).until(() -> !server.peers().contains(flooder.peerId()));
            assertThat(served).isBetween(STATUS_BURST, STATUS_BURST + 5);
            assertThat(refused).isGreaterThanOrEqualTo(1);
            assertThat(bans.banOf(flooder.peerId()).orElseThrow().reason()).contains("rate limit on numi/status_request");

            try {
                flooder.dial(server);
            } catch (CompletionException e) {
                // refused by the gater: expected
            }
            P2pSyncIT.sleep(500);
            assertThat(server.peers()).doesNotContain(flooder.peerId());
        }
        Hash256 expected = BlockHeaderCodec.id(tip.header());
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> honest.tip().equals(expected));
        assertThat(server.peers()).contains(honest.peerId());
        assertThat(server.context.getBean(PeerScores.class).score(honest.peerId())).isZero();
        assertThat(P2pSyncIT.syncCounter(honest, "numi.p2p.sync.blocks_already_known")).isZero();
    }

    @Test
    @Order(2)
    void aPeerFloodingTransactionGossipIsIgnoredPenalisedAndBanned() {
        BanList bans = server.context.getBean(BanList.class);
        try (RawPeer spammer = new RawPeer()) {
            spammer.dial(server);
            await().atMost(PATIENCE).until(() -> server.peers().contains(spammer.peerId()));
            int published = 0;
            for (long nonce = 1; nonce <= 200 && !bans.isBanned(spammer.peerId()); nonce++) {
                PublishResult result = spammer.publishTransaction(TransactionCodec.encode(
                        builder.transfer(1, TestKeys.address(7), 1_000, 100, nonce)));
                if (result.peers() == 0) {
                    nonce--;  // the server's subscription has not arrived yet
                    P2pSyncIT.sleep(100);
                    continue;
                }
                published++;
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> bans.isBanned(spammer.peerId()));
            assertThat(published).isGreaterThan(TX_BURST);
            assertThat(bans.banOf(spammer.peerId()).orElseThrow().reason()).contains("rate limit on numi/transaction_gossip");
            await().atMost(Duration.ofSeconds(10)).until(() -> !server.peers().contains(spammer.peerId()));
        }
        assertThat(bans.isBanned(honest.peerId())).isFalse();
    }

    @Test
    @Order(3)
    void theAddressBookLearnsTheHeightAPeerReports() {
        PostgresAddressBook book = honest.context.getBean(PostgresAddressBook.class);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> book.addressOf(server.peerId())
                .flatMap(book::entry).map(PeerEntry::height).orElse(-1L) == tip.height());
        Block next = builder.child(tip).coinbaseTo(TestKeys.address(1)).build();
        server.submit(next);
        tip = next;
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> book.addressOf(server.peerId())
                .flatMap(book::entry).map(PeerEntry::height).orElse(-1L) == tip.height());
    }

    @Test
    @Order(4)
    void aPeerThatGaveUsABlockIsProtectedFromEviction() {
        try (TestNode guarded = TestNode.start("pa2", kafka, false, List.of(),
                "--numi.p2p.peers.max-inbound=2", "--numi.p2p.peers.evict-protect-by-ping=0", "--numi.p2p.peers.evict-protect-by-blocks=1");
                RawPeer quiet = new RawPeer();
                RawPeer useful = new RawPeer();
                RawPeer newcomer = new RawPeer()) {
            quiet.dial(guarded);
            await().atMost(PATIENCE).until(() -> guarded.peers().contains(quiet.peerId()));
            P2pSyncIT.sleep(50);
            useful.dial(guarded);
            await().atMost(PATIENCE).until(() -> guarded.peers().contains(useful.peerId()));
            Block first = ChainBuilder.regtest().extend(builder.genesis(), 1, 5).getFirst();
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
                useful.publish(first);
                return guarded.status().height() == 1;
            });

            // Without the protection the newest inbound connection of the one group (useful's) would go.
            newcomer.dial(guarded);
            await().atMost(PATIENCE).until(() -> !guarded.peers().contains(quiet.peerId()));
            assertThat(guarded.peers()).contains(useful.peerId(), newcomer.peerId());
        }
    }
}
