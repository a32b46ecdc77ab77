package io.numicoin.node.api.submit;

import io.numicoin.node.api.dto.TxAccepted;
import io.numicoin.node.api.error.ApiException;
import io.numicoin.node.api.error.Problems;
import io.numicoin.node.bus.ChainEventBus;
import io.numicoin.node.relay.TipCheck;
import io.numicoin.node.relay.TransactionRelay;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.protocol.validation.TxCheck;
import io.numicoin.support.mempool.MempoolSubmitClient;
import io.numicoin.support.mempool.MempoolUnavailableException;
import io.numicoin.support.mempool.MempoolVerdict;
import io.numicoin.support.problem.Problem;
import io.numicoin.support.problem.ProblemVocabulary;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Takes a client-built, client-signed transaction and gives the client a verdict:
 * <ol>
 * <li>decodes it and checks the stateless rules (chain id, size, sender = policy address, signatures);</li>
 * <li>checks it against the tip ({@link TransactionRelay#checkAgainstTip}: expiry, nonce window,
 *     balance, minimum relay fee rate), the rules transaction gossip relays by;</li>
 * <li>with a mempool configured ({@code numi.api.mempool-url}), asks it and answers with its verdict:
 *     a refusal is the mempool's problem (its {@code rule}, e.g. {@code REPLACEMENT_UNDERPAID}) and
 *     the transfer is not relayed. A mempool that gives no verdict (down, or unable to check) leaves the
 *     answer at SEEN only on the event-source node, whose {@code numi.tx.v1} event is committed to its
 *     outbox and reaches the mempool when it is back; any other node answers 503 {@code UNAVAILABLE}
 *     and relays nothing, so the client offers the same transaction again (a 202 that only a gossip
 *     to a node that may be down stood behind was a promise nothing kept: the chaos run lost such
 *     transfers);</li>
 * <li>hands it to the {@link TransactionRelay} (its {@code numi.tx.v1} event once, on the event-source
 *     node, and a broadcast to peers) and announces it on the live stream.</li>
 * </ol>
 */
public final class TransactionSubmitter {

    private static final Logger log = LoggerFactory.getLogger(TransactionSubmitter.class);

    private final TransactionRules rules;
    private final TransactionRelay relay;
    private final Optional<MempoolSubmitClient> mempool;
    private final ChainEventBus bus;
    private final Duration timeout;
    private final boolean eventSource;

    /**
     * @param eventSource whether this node publishes the events ({@code numi.events.publish}): then a
     *     transfer it relays without a mempool verdict is still durably on its way to the mempool
     */
    public TransactionSubmitter(TransactionRules rules, TransactionRelay relay, Optional<MempoolSubmitClient> mempool, ChainEventBus bus,
            Duration timeout, boolean eventSource) {
        this.eventSource = eventSource;
        this.rules = rules;
        this.relay = relay;
        this.mempool = mempool;
        this.bus = bus;
        this.timeout = timeout;
    }

    /** The answer once the transfer is relayed; refusals are {@code ApiException}s naming the broken rule. */
    public Mono<TxAccepted> submit(byte[] bytes) {
        return Mono.fromCallable(() -> checked(decode(bytes)))
                .subscribeOn(Schedulers.parallel())
                .publishOn(Schedulers.boundedElastic())
                .map(tx -> againstTip(tx, bytes.length))
                .flatMap(tx -> verdict(tx, bytes)
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .publishOn(Schedulers.boundedElastic())
                        .map(verdict -> relay(tx, verdict)))
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

    private TransferTx againstTip(TransferTx tx, int size) {
        TipCheck check = relay.checkAgainstTip(tx, size);
        if (!check.isPassed()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, check.reason().name(), check.detail(),
                    Map.of("outcome", MempoolVerdict.Outcome.INVALID.name(), "txid", TransactionCodec.txid(tx).toHex()));
        }
        return tx;
    }

    /** The mempool's verdict; empty without a mempool or when it gave none. A refusal ends the call. */
    private Mono<MempoolVerdict> verdict(TransferTx tx, byte[] bytes) {
        if (mempool.isEmpty()) {
            return Mono.empty();
        }
        return Mono.fromFuture(() -> mempool.get().submit(bytes))
                .onErrorResume(MempoolUnavailableException.class, e -> {
                    log.warn("no mempool verdict for {} (relayed on the node's own checks): {}", TransactionCodec.txid(tx),
                            e.getMessage());
                    return Mono.empty();
                })
                .doOnNext(verdict -> verdict.problem().ifPresent(problem -> {
                    throw refusal(problem);
                }));
    }

    private static ApiException refusal(Problem problem) {
        HttpStatus status = HttpStatus.resolve(problem.status());
        return new ApiException(status != null && status.is4xxClientError() ? status : HttpStatus.UNPROCESSABLE_CONTENT,
                problem.rule(), problem.detail(), new HashMap<>(problem.extra()));
    }

    private TxAccepted relay(TransferTx tx, Optional<MempoolVerdict> verdict) {
        Hash256 txid = TransactionCodec.txid(tx);
        if (verdict.isEmpty() && mempool.isPresent() && !eventSource) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ProblemVocabulary.UNAVAILABLE,
                    "the mempool gave no verdict and this node does not publish events, so nothing would carry the transaction "
                            + "to the mempool: nothing was relayed; offer the same transaction again",
                    Map.of("txid", txid.toHex(), "backend", "mempool"));
        }
        if (relay.relayFromApi(tx, txid)) {
            bus.transactionSeen(txid);
        }
        return verdict.map(v -> TxAccepted.accepted(txid.toHex(), v.outcome().name(), v.replaced().orElse(null)))
                .orElseGet(() -> TxAccepted.seen(txid.toHex()));
    }
}
