package io.numicoin.node.p2p.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.pow.Argon2idProvider;
import io.numicoin.protocol.pow.PowParams;
import io.numicoin.testkit.ChainBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HeaderPowVerifierTest {

    final ChainBuilder builder = ChainBuilder.regtest();

    @Test
    void findsTheFirstHeaderWithoutWorkWhateverTheChunking() throws InterruptedException {
        List<BlockHeader> headers = new ArrayList<>();
        Block tip = builder.genesis();
        for (Block block : builder.extend(tip, 40, 1)) {
            headers.add(block.header());
            tip = block;
        }
        try (HeaderPowVerifier verifier = new HeaderPowVerifier(builder.params().pow(), 3)) {
            assertThat(verifier.firstFailure(headers)).isEqualTo(OptionalInt.empty());
            assertThat(verifier.firstFailure(List.of())).isEqualTo(OptionalInt.empty());
            for (int bad : new int[] {0, 13, 27, 39}) {
                List<BlockHeader> forged = new ArrayList<>(headers);
                forged.set(bad, withoutWork(forged.get(bad)));
                if (bad < 39) {
                    forged.set(39, withoutWork(forged.get(39)));
                }
                assertThat(verifier.firstFailure(forged)).as("bad at %d", bad).isEqualTo(OptionalInt.of(bad));
            }
        }
    }

    @Test
    void checksAgainstTheExpectedTargetNeverTheHeadersOwnClaimAndCountsItsArgon2idRuns() throws InterruptedException {
        List<BlockHeader> headers = builder.extend(builder.genesis(), 5, 1).stream().map(Block::header).toList();
        java.math.BigInteger easier = headers.getFirst().target().toTarget().shiftRight(8);
        io.numicoin.protocol.pow.CompactTarget harder = io.numicoin.protocol.pow.CompactTarget.fromTarget(easier);
        List<io.numicoin.protocol.pow.CompactTarget> expected = headers.stream().map(BlockHeader::target).toList();
        List<io.numicoin.protocol.pow.CompactTarget> stricter = new ArrayList<>(expected);
        stricter.set(2, harder);
        try (HeaderPowVerifier verifier = new HeaderPowVerifier(builder.params().pow(), 2)) {
            assertThat(verifier.firstFailure(headers, expected)).isEqualTo(OptionalInt.empty());
            long runs = verifier.argon2Runs();
            assertThat(runs).isEqualTo(5);
            // header 2 claims an easier target than the rule gives: refused without an Argon2id run for it
            assertThat(verifier.firstFailure(headers, stricter)).isEqualTo(OptionalInt.of(2));
            assertThat(verifier.argon2Runs() - runs).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void aStalledThreadDoesNotHoldTheBatchUp() throws InterruptedException {
        List<BlockHeader> headers = builder.extend(builder.genesis(), 40, 1).stream().map(Block::header).toList();
        CountDownLatch othersHashed = new CountDownLatch(headers.size() - 1);
        AtomicBoolean first = new AtomicBoolean(true);
        AtomicBoolean othersFinishedWhileStalled = new AtomicBoolean();
        // the first header taken stalls its thread until every other header is hashed: only if the other
        // thread takes them all (not a fixed half) does the stall end before its 20 s
        Argon2idProvider stallingFirst = new Argon2idProvider() {
            @Override
            public String name() {
                return "stalling";
            }

            @Override
            public Function create(PowParams params) {
                Function real = Argon2idProvider.JAVA.create(params);
                return (password, salt, out) -> {
                    if (first.compareAndSet(true, false)) {
                        try {
                            othersFinishedWhileStalled.set(othersHashed.await(20, TimeUnit.SECONDS));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        real.hash(password, salt, out);
                        return;
                    }
                    real.hash(password, salt, out);
                    othersHashed.countDown();
                };
            }
        };
        try (HeaderPowVerifier verifier = new HeaderPowVerifier(builder.params().pow(), 2, stallingFirst)) {
            assertThat(verifier.firstFailure(headers)).isEqualTo(OptionalInt.empty());
            assertThat(verifier.argon2Runs()).isEqualTo(headers.size());
        }
        assertThat(othersFinishedWhileStalled).as("the other thread checked all 39 other headers during the stall").isTrue();
    }

    /** The same header with a nonce that fails the target (regtest: try until one fails). */
    BlockHeader withoutWork(BlockHeader header) {
        io.numicoin.protocol.pow.header.ProofOfWork pow = new io.numicoin.protocol.pow.header.ProofOfWork(builder.params().pow());
        for (long nonce = header.nonce() + 1; ; nonce++) {
            BlockHeader candidate = new BlockHeader(header.version(), header.height(), header.previousId(), header.merkleRoot(),
                    header.stateCommitment(), header.timestamp(), header.target(), nonce);
            if (pow.verify(candidate) != io.numicoin.protocol.pow.PowCheck.VALID) {
                return candidate;
            }
        }
    }

}
