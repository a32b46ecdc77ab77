package io.numicoin.node.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.node.storage.BlockFiles;
import io.numicoin.support.retry.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Publishes committed outbox rows to Kafka in seq order, at least once, and deletes them only after
 * the broker acknowledged them. One thread: it creates the topics, then sends the oldest rows in
 * batches with an idempotent producer ({@code acks=all}, at most 5 requests in flight, so Kafka keeps
 * their order across its own retries), and sleeps until {@link OutboxSignal} wakes it or the poll
 * interval passes.
 *
 * <p>When Kafka is unreachable the node carries on (rows just accumulate) and the relay retries
 * with a bounded exponential backoff, logging what is waiting. After a failed round it closes the
 * producer and resends from the first unacknowledged row, so nothing is lost or reordered; a record
 * whose acknowledgement was lost may be delivered twice, which consumers detect by its sequence.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** The longest a shutdown waits for the round in progress to be acknowledged. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final OutboxTable table;
    private final OutboxSignal signal;
    private final RelaySettings settings;
    private final Clock clock;
    private final Backoff backoff;
    private final Counter published;
    private final Counter failures;
    private final AtomicLong lagRows = new AtomicLong();
    private final AtomicLong lagSeconds = new AtomicLong();
    private Producer<byte[], byte[]> producer;
    private boolean topicsReady;
    private volatile boolean running;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private Thread thread;

    public OutboxRelay(JdbcTemplate jdbc, BlockFiles files, OutboxSignal signal, RelaySettings settings, Clock clock,
            MeterRegistry meters) {
        this.table = new OutboxTable(jdbc, files);
        this.signal = signal;
        this.settings = settings;
        this.clock = clock;
        this.backoff = new Backoff(settings.backoffInitial(), settings.backoffMax());
        this.published = Counter.builder("numi.outbox.published").description("Outbox records Kafka acknowledged").register(meters);
        this.failures = Counter.builder("numi.outbox.failures").description("Relay rounds that failed").register(meters);
        Gauge.builder("numi.outbox.lag.rows", lagRows, AtomicLong::get).description("Outbox rows not yet published").register(meters);
        Gauge.builder("numi.outbox.lag.seconds", lagSeconds, AtomicLong::get).description("Age of the oldest unpublished row").register(meters);
    }

    /** The producer settings: the caller's connection settings, then the delivery guarantees, which always win. */
    public static Map<String, Object> producerSettings(Map<String, Object> connection) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.putAll(connection);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("numi-outbox-relay").daemon().start(this::run);
    }

    /**
     * Stops the relay after the round in progress: a round that is waiting for Kafka's
     * acknowledgements finishes and deletes what was acknowledged, so a clean shutdown never sends a
     * row twice (only a crash or a lost acknowledgement does). The thread is interrupted if the round
     * is still waiting after {@link #SHUTDOWN_GRACE} (or the send timeout, if shorter): Kafka is then
     * unreachable, and the unacknowledged rows stay in the table for the next start.
     */
    @Override
    public synchronized void close() {
        running = false;
        stopping.countDown();
        signal.wake();
        if (thread != null) {
            try {
                Duration grace = settings.sendTimeout().compareTo(SHUTDOWN_GRACE) < 0 ? settings.sendTimeout() : SHUTDOWN_GRACE;
                thread.join(grace.toMillis() + 1);
                if (thread.isAlive()) {
                    log.warn("outbox relay still waiting for Kafka after {} ms at shutdown; stopping it (unacknowledged rows stay in the outbox)",
                            grace.toMillis());
                    thread.interrupt();
                    thread.join(10_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        closeProducer();
    }

    private void run() {
        log.info("outbox relay started: publishing to {}", settings.producerProperties().get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        while (running) {
            try {
                if (!topicsReady) {
                    KafkaTopics.create(settings.adminProperties(), settings.topics(), settings.sendTimeout().toMillis());
                    topicsReady = true;
                    log.info("topics ready: {}", settings.topics().stream().map(TopicSpec::name).toList());
                }
                int sent = relayOnce();
                if (backoff.failures() > 0) {
                    log.info("Kafka is reachable again after {} failed attempts; publishing the outbox in order", backoff.failures());
                    backoff.succeeded();
                }
                if (sent == 0) {
                    updateLag();
                    signal.await(settings.poll());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                if (!sleepAfterFailure(e)) {
                    break;
                }
            }
        }
        log.info("outbox relay stopped");
    }

    /** Sends the oldest rows; deletes the acknowledged prefix. Returns how many rows were delivered. */
    int relayOnce() throws Exception {
        List<OutboxRow> rows = table.oldest(settings.batchRows(), settings.batchBytes());
        if (rows.isEmpty()) {
            return 0;
        }
        Producer<byte[], byte[]> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        Exception failure = null;
        try {
            for (OutboxRow row : rows) {
                acks.add(kafka.send(new ProducerRecord<>(row.topic(), row.key(), row.payload())));
            }
        } catch (RuntimeException e) {
            failure = e;  // the rows sent before still count if they are acknowledged
        }
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        int delivered = 0;
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                delivered++;
            } catch (ExecutionException | TimeoutException e) {
                failure = e;
                break;
            }
        }
        if (delivered > 0) {
            table.deleteUpTo(rows.get(delivered - 1).seq());
            published.increment(delivered);
        }
        updateLag();
        if (failure != null) {
            throw new RelayFailure(delivered, rows.size(), failure);
        }
        return delivered;
    }

    private boolean sleepAfterFailure(Exception e) {
        failures.increment();
        closeProducer();
        Duration delay = backoff.failed();
        int attempt = backoff.failures();
        if (Integer.bitCount(attempt) == 1) {  // 1st, 2nd, 4th, 8th... failure: clear but not flooding
            try {
                updateLag();
            } catch (RuntimeException lagFailure) {
                e.addSuppressed(lagFailure);
            }
            String what = switch (e) {
                case MissingEventBodyException missing -> "cannot build the next event";
                case DataAccessException database -> "cannot read the outbox from PostgreSQL";
                default -> "cannot publish to Kafka";
            };
            log.warn("{} (attempt {}): {}. {} events wait in the outbox, the oldest {} s old; "
                    + "the node keeps validating and retries in {} ms", what, attempt, rootMessage(e), lagRows.get(), lagSeconds.get(),
                    delay.toMillis());
        }
        try {
            return !stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void updateLag() {
        OutboxTable.Lag lag = table.lag();
        lagRows.set(lag.rows());
        lagSeconds.set(lag.oldest().map(t -> Math.max(0, Duration.between(t, clock.instant()).toSeconds())).orElse(0L));
    }

    private Producer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerSettings(settings.producerProperties()));
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);  // abandon in-flight sends: the rows are still in the table
            } catch (RuntimeException e) {
                log.debug("closing the Kafka producer failed", e);
            }
            producer = null;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    /** Rows waiting to be published and the age of the oldest, as last measured. */
    public long lagRows() {
        return lagRows.get();
    }

    /** A round that did not deliver every row it read. */
    static final class RelayFailure extends Exception {
        RelayFailure(int delivered, int read, Exception cause) {
            super("delivered " + delivered + " of " + read + " records", cause);
        }
    }
}
