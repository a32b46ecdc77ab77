package io.numicoin.node.api.submit;

import io.numicoin.events.EventMeta;
import io.numicoin.events.Topics;
import io.numicoin.events.TransactionSeen;
import io.numicoin.events.codec.TransactionSeenCodec;
import io.numicoin.node.api.error.Problems;
import io.numicoin.node.api.stream.ChainEventBus;
import io.numicoin.node.outbox.OutboxWriter;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.crypto.MlDsaProviders;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.protocol.validation.TxCheck;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Takes a client-built, client-signed transaction: decodes it, checks the stateless rules (chain
 * id, size, sender = policy address, signatures), then appends a {@code numi.tx.v1}
 * {@link TransactionSeen} event through the outbox in one database transaction and announces it
 * on the live stream. Whether the sender can pay and the nonce fits is the mempool's call.
 */
public final class TransactionSubmitter {

    private final int chainId;
    private final TransactionRules rules;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final ChainEventBus bus;
    private final Clock clock;
    private final Duration timeout;
    private final Scheduler blocking = Schedulers.boundedElastic();

    public TransactionSubmitter(int chainId, OutboxWriter outbox, TransactionTemplate transactions, JdbcClient jdbc,
            ChainEventBus bus, Clock clock, Duration timeout) {
        this.chainId = chainId;
        this.rules = new TransactionRules(chainId, MlDsaProviders.preferred());
        this.outbox = outbox;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.bus = bus;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** The txid once the event is committed; errors are {@code ApiException}s naming the broken rule. */
    public Mono<Hash256> submit(byte[] bytes) {
        long receivedAt = clock.millis();
        return Mono.fromCallable(() -> checked(decode(bytes)))
                .subscribeOn(Schedulers.parallel())
                .publishOn(blocking)
                .map(tx -> publish(tx, receivedAt))
                .doOnNext(bus::transactionSeen)
                .timeout(timeout);
    }

    private static Transaction decode(byte[] bytes) {
        try {
            return TransactionCodec.decode(bytes);
        } catch (DecodeException e) {
            throw Problems.decode("transaction", e);
        }
    }

    private TransferTx checked(Transaction tx) {
        TxCheck check = rules.check(tx);
        if (!check.isValid()) {
            throw Problems.transactionRule(check);
        }
        return (TransferTx) tx;
    }

    private Hash256 publish(TransferTx tx, long receivedAt) {
        transactions.executeWithoutResult(status -> {
            EventMeta meta = new EventMeta(chainId, nextSequence(), clock.millis());
            TransactionSeen event = TransactionSeen.fromApi(meta, tx, receivedAt);
            outbox.append(Topics.TX, TransactionSeenCodec.key(event), TransactionSeenCodec.encode(event));
        });
        return TransactionCodec.txid(tx);
    }

    /** The topic's next event sequence, from the outbox counters (a row per topic, created on first use). */
    private long nextSequence() {
        return jdbc.sql("""
                        INSERT INTO outbox_counter (name, next) VALUES (:topic, 2)
                        ON CONFLICT (name) DO UPDATE SET next = outbox_counter.next + 1
                        RETURNING next - 1
                        """)
                .param("topic", Topics.TX)
                .query(Long.class)
                .single();
    }
}
