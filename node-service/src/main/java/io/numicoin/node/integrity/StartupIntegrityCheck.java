package io.numicoin.node.integrity;

import io.numicoin.node.integrity.IntegrityProblem.Kind;
import io.numicoin.node.storage.AccumulatorMath;
import io.numicoin.node.storage.BlockFiles;
import io.numicoin.node.storage.BlockIndexTable;
import io.numicoin.node.storage.ChainTables;
import io.numicoin.node.storage.StoredTip;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.state.AccountEntry;
import io.numicoin.protocol.state.UndoDataCodec;
import io.numicoin.protocol.validation.StateRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The check a node runs on its database before serving, like Bitcoin Core's {@code -checkblocks} /
 * {@code -checklevel}, over the newest {@code checkBlocks} blocks of the active chain:
 * <ul>
 *   <li>level 0: headers decode, hash to their ids and link ({@link HeaderLinkCheck});</li>
 *   <li>level 1: + bodies decode and match their headers and merkle roots; a bad body is deleted and
 *       its block marked for re-download ({@link BodyCheck});</li>
 *   <li>level 2: + undo and redo of those blocks in memory ({@link ReplayCheck}) and a full recomputation
 *       of the account hash.</li>
 * </ul>
 * At every level: the stored state hash commits to the tip header and matches the bucket hashes,
 * and some buckets (those the tip block touched, plus {@code sampledBuckets} random ones) are
 * recomputed from the accounts table ({@link StateHashCheck}).
 *
 * <p>On a node started from a state snapshot, bodies, undo data and replay start above the snapshot
 * base: the blocks at or below it have headers only (their state came from the verified snapshot).
 */
public final class StartupIntegrityCheck {

    /** @param sampledBuckets random account buckets recomputed below level 2 (of 256) */
    public record Settings(int checkBlocks, int checkLevel, int sampledBuckets) {
    }

    private final NetworkParams params;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate transactions;
    private final BlockFiles files;
    private final Settings settings;
    private final Clock clock;

    public StartupIntegrityCheck(NetworkParams params, JdbcTemplate jdbc, TransactionTemplate transactions, BlockFiles files,
            Settings settings, Clock clock) {
        this.params = params;
        this.jdbc = jdbc;
        this.files = files;
        this.transactions = transactions;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.settings = settings;
        this.clock = clock;
    }

    public IntegrityReport run() {
        Instant started = clock.instant();
        ChainTables chainTables = new ChainTables(jdbc, files);
        Optional<StoredTip> stored = chainTables.tip();
        if (stored.isEmpty()) {
            return new IntegrityReport(settings.checkLevel(), 0, List.of(), List.of(), Duration.ZERO);  // nothing stored yet
        }
        StoredTip tip = stored.get();
        ActiveChainReader reader = new ActiveChainReader(jdbc);
        long top = reader.topHeight();
        long from = Math.max(0, top - Math.max(1, settings.checkBlocks()) + 1);
        List<ActiveBlock> blocks = reader.from(from);
        Optional<Hash256> below = from > 0 ? reader.idAt(from - 1) : Optional.empty();
        List<IntegrityProblem> problems = new ArrayList<>(HeaderLinkCheck.run(tip, top, blocks, below));

        List<Hash256> redownload = new ArrayList<>();
        List<Block> sound = new ArrayList<>();  // sound bodies, contiguous up to the tip
        long snapshotBase = new BlockIndexTable(jdbc).snapshotBase().map(BlockIndexTable.SnapshotBase::height).orElse(-1L);
        if (settings.checkLevel() >= 1) {
            BodyCheck bodies = new BodyCheck(chainTables, jdbc, transactions);
            for (ActiveBlock block : blocks) {
                if (block.height() <= snapshotBase) {
                    continue;  // no body: the state came from the snapshot
                }
                BodyCheck.Result result = bodies.check(block);
                if (result.block().isPresent()) {
                    sound.add(result.block().get());
                } else {
                    problems.add(result.problem().orElseThrow());
                    if (result.markedForRedownload()) {
                        redownload.add(block.id());
                    }
                    sound.clear();
                }
            }
        }

        Optional<BlockHeader> tipHeader = blocks.isEmpty() ? Optional.empty() : blocks.getLast().header();
        if (tipHeader.isEmpty()) {
            problems.add(new IntegrityProblem(Kind.TIP_INCONSISTENT, "the tip's header is not readable"));
        } else {
            Set<Integer> buckets = bucketsToRecompute(chainTables, tip.id());
            problems.addAll(readOnly.execute(status -> new StateHashCheck(jdbc).run(tip, tipHeader.get(), buckets)));
        }

        if (settings.checkLevel() >= 2 && problems.isEmpty()) {
            List<Block> replayed = sound.stream().filter(b -> b.height() > 0).toList();
            if (!replayed.isEmpty()) {
                Hash256 commitmentBelow = commitmentBelow(blocks, below, replayed.getFirst().height());
                problems.addAll(readOnly.execute(status ->
                        new ReplayCheck(jdbc, chainTables, new StateRules(params.subsidy())).run(tip, replayed, commitmentBelow)));
            }
        }
        return new IntegrityReport(settings.checkLevel(), blocks.size(), problems, redownload,
                Duration.between(started, clock.instant()));
    }

    /** All buckets at level 2; else the ones the tip block wrote plus a random sample. */
    private Set<Integer> bucketsToRecompute(ChainTables chainTables, Hash256 tipId) {
        Set<Integer> buckets = new TreeSet<>();
        if (settings.checkLevel() >= 2) {
            for (int b = 0; b < AccumulatorMath.BUCKETS; b++) {
                buckets.add(b);
            }
            return buckets;
        }
        chainTables.undo(tipId).ifPresent(bytes -> {
            try {
                for (AccountEntry entry : UndoDataCodec.decode(bytes).changes().accounts()) {
                    buckets.add(AccumulatorMath.bucket(entry.address()));
                }
            } catch (DecodeException e) {
                // reported by the replay at level 2; here it just cannot guide the sample
            }
        });
        SplittableRandom random = new SplittableRandom();
        for (int i = 0; i < settings.sampledBuckets(); i++) {
            buckets.add(random.nextInt(AccumulatorMath.BUCKETS));
        }
        return buckets;
    }

    /** The state commitment of the active block at {@code lowestReplayed - 1}: a checked one, or the one below the range. */
    private Hash256 commitmentBelow(List<ActiveBlock> blocks, Optional<Hash256> belowRange, long lowestReplayed) {
        Optional<BlockHeader> checked = blocks.stream().filter(b -> b.height() == lowestReplayed - 1).findFirst()
                .flatMap(ActiveBlock::header);
        return checked.or(() -> belowRange.flatMap(id -> new BlockIndexTable(jdbc).row(id)).map(BlockIndexTable.Row::header))
                .map(BlockHeader::stateCommitment)
                .orElseThrow(() -> new IllegalStateException("no header below height " + lowestReplayed));
    }
}
