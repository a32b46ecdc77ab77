package io.numicoin.node.api.submit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.numicoin.node.api.error.Problems;
import io.numicoin.node.chain.ChainService;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.DecodeException;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Takes a mined block: decodes it and hands it to {@link ChainService#submitBlock} off the event
 * loop, with a timeout. Rejections become 422 problems naming the {@code BlockRejectReason}; the
 * import time is recorded in {@code numi.block.import} (tagged with the outcome and source "api").
 */
public final class BlockSubmitter {

    private final ChainService chain;
    private final Duration timeout;
    private final MeterRegistry meters;

    public BlockSubmitter(ChainService chain, Duration timeout, MeterRegistry meters) {
        this.chain = chain;
        this.timeout = timeout;
        this.meters = meters;
    }

    /** What importing the block did; an {@code ApiException} if it does not decode or is invalid. */
    public Mono<SubmittedBlock> submit(byte[] bytes) {
        return Mono.fromCallable(() -> importBlock(decode(bytes)))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(timeout);
    }

    private SubmittedBlock importBlock(Block block) {
        long start = System.nanoTime();
        BlockImportResult result = chain.submitBlock(block);
        Timer.builder("numi.block.import")
                .description("Time to validate and import a block")
                .tag("source", "api")
                .tag("outcome", result.outcome().name())
                .register(meters)
                .record(Duration.ofNanos(System.nanoTime() - start));
        if (result.outcome() == BlockImportResult.Outcome.INVALID) {
            throw Problems.blockRejected(result.id().toHex(), result.rejection().orElseThrow());
        }
        return new SubmittedBlock(block, result);
    }

    private static Block decode(byte[] bytes) {
        try {
            return BlockCodec.decode(bytes);
        } catch (DecodeException e) {
            throw Problems.decode("block", e);
        }
    }

    /** A block the node took and what importing it did. */
    public record SubmittedBlock(Block block, BlockImportResult result) {

        public String id() {
            return BlockHeaderCodec.id(block.header()).toHex();
        }
    }
}
