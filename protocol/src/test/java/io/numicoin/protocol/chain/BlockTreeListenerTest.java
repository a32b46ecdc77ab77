package io.numicoin.protocol.chain;

import static io.numicoin.protocol.chain.ChainFixture.GENESIS;
import static io.numicoin.protocol.chain.ChainFixture.addAll;
import static io.numicoin.protocol.chain.ChainFixture.branch;
import static io.numicoin.protocol.chain.ChainFixture.id;
import static io.numicoin.protocol.chain.ChainFixture.randomBranch;
import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.hash.Hash256;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlockTreeListenerTest {

    /** Records events the way a node persists them: entries by id, the latest status, the order data arrived. */
    private static final class Recorder implements BlockTreeListener {
        final Map<Hash256, BlockIndexEntry> added = new LinkedHashMap<>();
        final Map<Hash256, BlockStatus> status = new LinkedHashMap<>();
        final List<Hash256> dataOrder = new ArrayList<>();
        final List<String> events = new ArrayList<>();

        @Override
        public void entryAdded(BlockIndexEntry entry) {
            added.put(entry.id(), entry);
            status.put(entry.id(), entry.status());
            events.add("added " + entry.height() + " " + entry.status());
        }

        @Override
        public void statusChanged(Hash256 id, BlockStatus newStatus) {
            status.put(id, newStatus);
            if (newStatus == BlockStatus.DATA_AVAILABLE) {
                dataOrder.add(id);
            }
            events.add("status " + added.get(id).height() + " " + newStatus);
        }
    }

    @Test
    void reportsEachChangeOnceInOrder() {
        Recorder recorder = new Recorder();
        BlockTree tree = new BlockTree(GENESIS, recorder);
        List<BlockHeader> chain = branch(GENESIS, 3, 5, 1);
        addAll(tree, chain);
        tree.markDataAvailable(id(chain.get(0)));
        tree.markDataAvailable(id(chain.get(0)));
        tree.markValid(id(chain.get(0)));
        tree.markValid(id(chain.get(0)));
        tree.markInvalid(id(chain.get(1)));
        BlockHeader underInvalid = ChainFixture.child(chain.get(2), 5, 9);
        tree.addHeader(underInvalid);

        assertThat(recorder.events).containsExactly(
                "added 1 HEADER_ONLY", "added 2 HEADER_ONLY", "added 3 HEADER_ONLY",
                "status 1 DATA_AVAILABLE", "status 1 VALID",
                "status 2 INVALID", "status 3 INVALID_ANCESTOR",
                "added 4 INVALID_ANCESTOR");
    }

    @Test
    void replayingTheRecordedEventsRebuildsTheSameTree() {
        Random random = new Random(20261125);
        for (int round = 0; round < 20; round++) {
            Recorder recorder = new Recorder();
            BlockTree original = new BlockTree(GENESIS, recorder);
            List<BlockHeader> all = new ArrayList<>();
            List<BlockHeader> trunk = randomBranch(GENESIS, 30, random);
            addAll(original, trunk);
            all.addAll(trunk);
            for (int fork = 0; fork < 4; fork++) {
                BlockHeader from = all.get(random.nextInt(all.size()));
                List<BlockHeader> branch = randomBranch(from, 1 + random.nextInt(15), random);
                addAll(original, branch);
                all.addAll(branch);
            }
            for (int i = 0; i < all.size() * 2; i++) {
                Hash256 id = id(all.get(random.nextInt(all.size())));
                switch (random.nextInt(10)) {
                    case 0 -> original.markInvalid(id);
                    case 1, 2 -> {
                        if (!original.isKnownInvalid(id) && original.entry(id).orElseThrow().status().hasData()) {
                            original.markValid(id);
                        }
                    }
                    default -> original.markDataAvailable(id);
                }
            }

            BlockTree rebuilt = replay(recorder);

            for (BlockHeader header : all) {
                assertThat(rebuilt.entry(id(header))).isEqualTo(original.entry(id(header)));
            }
            assertThat(rebuilt.size()).isEqualTo(original.size());
            assertThat(rebuilt.bestHeaderTip()).isEqualTo(original.bestHeaderTip());
            assertThat(rebuilt.bestBlockCandidate()).isEqualTo(original.bestBlockCandidate());
        }
    }

    /** What a node does at startup: headers in first-seen order, data in arrival order, then the marks. */
    private static BlockTree replay(Recorder recorder) {
        BlockTree tree = new BlockTree(GENESIS);
        recorder.added.values().stream()
                .sorted(java.util.Comparator.comparingLong(BlockIndexEntry::firstSeen))
                .forEach(entry -> tree.addHeader(entry.header()));
        for (Hash256 id : recorder.dataOrder) {
            if (!recorder.status.get(id).isInvalid()) {
                tree.markDataAvailable(id);
            }
        }
        recorder.status.forEach((id, status) -> {
            if (status == BlockStatus.VALID) {
                tree.markValid(id);
            } else if (status == BlockStatus.INVALID) {
                tree.markInvalid(id);
            }
        });
        return tree;
    }
}
