package io.numicoin.node.outbox;

import static io.numicoin.node.TestChains.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.events.BlockConnected;
import io.numicoin.events.ChainEvent;
import io.numicoin.events.codec.ChainEventCodec;
import io.numicoin.node.NodeDatabase;
import io.numicoin.node.TestChains;
import io.numicoin.node.chain.ChainServiceSettings;
import io.numicoin.node.chain.NodeChainService;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.testkit.ChainBuilder;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A chain event's outbox row holds the event without its block and names the stored body; the
 * relay's reads ({@link OutboxTable#oldest}) append it. Checked against real PostgreSQL: every
 * record decodes to its block, a block is stored once, and a missing body stops the reads at its
 * row, with a reason, until the body is back.
 */
class OutboxTableIT {

    private static final ChainBuilder BUILDER = ChainBuilder.regtest();
    private static NodeDatabase db;
    private static List<Block> chain;

    @BeforeAll
    static void importChain() {
        db = NodeDatabase.create("outbox_table");
        chain = BUILDER.extend(BUILDER.genesis(), 6, 2);
        try (NodeChainService service = new NodeChainService(BUILDER.params(), db.jdbc(), db.transactions(), db.blockFiles(),
                new OutboxChainEvents(new JdbcOutboxWriter(db.jdbc(), new OutboxSignal()), BUILDER.params().chainId(), Clock.systemUTC()),
                TestChains.CLOCK, ChainServiceSettings.defaults())) {
            service.start();
            for (Block block : chain) {
                assertThat(service.submitBlock(block).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
            }
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void recordsAreWholeEventsCarryingTheirBlocksStoredOnce() throws Exception {
        List<OutboxRow> rows = new OutboxTable(db.jdbc(), db.blockFiles()).oldest(100, Long.MAX_VALUE);

        assertThat(rows).hasSize(chain.size() + 1);  // genesis first
        for (int i = 1; i < rows.size(); i++) {
            ChainEvent event = ChainEventCodec.decode(rows.get(i).payload());
            assertThat(event).isInstanceOf(BlockConnected.class);
            assertThat(event.block()).isEqualTo(chain.get(i - 1));
            assertThat(rows.get(i).payload()).isEqualTo(ChainEventCodec.encode(event));
        }
        Map<String, Object> sizes = db.jdbc().queryForMap("""
                SELECT max(octet_length(o.payload)) AS largest_row, min(b.size) AS smallest_body
                FROM outbox o JOIN block_body b ON b.id = o.payload_tail_block""");
        assertThat((Integer) sizes.get("largest_row")).as("the outbox row holds no block").isLessThan(64);
        assertThat((Integer) sizes.get("smallest_body")).as("a block is more than its 128-byte header").isGreaterThan(128);
    }

    @Test
    void aBatchStopsAtItsByteBudgetButAlwaysHoldsOneRow() {
        OutboxTable table = new OutboxTable(db.jdbc(), db.blockFiles());

        assertThat(table.oldest(100, 1)).hasSize(1);
        List<OutboxRow> all = table.oldest(100, Long.MAX_VALUE);
        long firstTwo = all.get(0).payload().length + all.get(1).payload().length;
        assertThat(table.oldest(100, firstTwo)).hasSize(2);
    }

    @Test
    void aMissingBodyStopsTheReadsAtItsRowUntilItIsBack() {
        OutboxTable table = new OutboxTable(db.jdbc(), db.blockFiles());
        List<OutboxRow> before = table.oldest(100, Long.MAX_VALUE);
        Block third = chain.get(2);
        byte[] body = BlockCodec.encode(third);
        long thirdSeq = before.get(3).seq();

        db.jdbc().update("DELETE FROM block_body WHERE id = ?", (Object) id(third).toArray());
        try {
            assertThatThrownBy(() -> table.oldest(100, Long.MAX_VALUE))
                    .isInstanceOfSatisfying(MissingEventBodyException.class, e -> {
                        assertThat(e.seq()).isEqualTo(thirdSeq);
                        assertThat(e.block()).isEqualTo(id(third));
                    })
                    .hasMessageContaining("does not hold");
        } finally {  // back inline, as a restore writes it
            db.jdbc().update("INSERT INTO block_body (id, body, size, tx_count) VALUES (?, ?, ?, ?)",
                    id(third).toArray(), body, body.length, third.transactions().size());
        }

        List<OutboxRow> after = table.oldest(100, Long.MAX_VALUE);
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < after.size(); i++) {
            assertThat(after.get(i).payload()).isEqualTo(before.get(i).payload());
        }
    }
}
