package io.numicoin.node.api.submit;

import io.numicoin.node.api.error.Problems;
import io.numicoin.node.api.stream.ChainEventBus;
import io.numicoin.node.outbox.EventOutbox;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.crypto.MlDsaProviders;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.protocol.validation.TxCheck;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Takes a client-built, client-signed transaction: decodes it, checks the stateless rules (chain
 * id, size, sender = policy address, signatures), then appends a {@code numi.tx.v1}
 * {@code TransactionSeen} event through the outbox ({@link EventOutbox}: the outbox writer, in its
 * own database transaction; nothing on a node that is not its deployment's event source) and
 * announces it on the live stream. Whether the sender can pay and the nonce fits is the mempool's call.
 */
public final class TransactionSubmitter {

    private final TransactionRules rules;
    private final EventOutbox outbox;
    private final ChainEventBus bus;
    private final Duration timeout;

    public TransactionSubmitter(int chainId, EventOutbox outbox, ChainEventBus bus, Duration timeout) {
        this.rules = new TransactionRules(chainId, MlDsaProviders.preferred());
        this.outbox = outbox;
        this.bus = bus;
        this.timeout = timeout;
    }

    /** The txid once the event is committed; errors are {@code ApiException}s naming the broken rule. */
    public Mono<Hash256> submit(byte[] bytes) {
        return Mono.fromCallable(() -> checked(decode(bytes)))
                .subscribeOn(Schedulers.parallel())
                .publishOn(Schedulers.boundedElastic())
                .map(this::publish)
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

    private Hash256 publish(TransferTx tx) {
        outbox.transactionSeenFromApi(tx);
        return TransactionCodec.txid(tx);
    }
}
