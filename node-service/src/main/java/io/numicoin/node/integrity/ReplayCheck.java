package io.numicoin.node.integrity;

import io.numicoin.node.integrity.IntegrityProblem.Kind;
import io.numicoin.node.storage.ChainTables;
import io.numicoin.node.storage.StateTables;
import io.numicoin.node.storage.StoredTip;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.state.StateCommitment;
import io.numicoin.protocol.state.UndoData;
import io.numicoin.protocol.state.UndoDataCodec;
import io.numicoin.protocol.validation.ConnectResult;
import io.numicoin.protocol.validation.StateRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Level 2: walks the newest blocks down from the tip in memory, reverting each one's undo data
 * (after each step the state must commit to the parent header's commitment), then back up with the
 * state rules (each block must connect again, reproduce its stored undo data exactly and end on
 * its header's commitment). Nothing is written.
 */
final class ReplayCheck {

    private final StateTables tables;
    private final ChainTables chainTables;
    private final StateRules rules;

    ReplayCheck(JdbcTemplate jdbc, ChainTables chainTables, StateRules rules) {
        this.tables = new StateTables(jdbc);
        this.chainTables = chainTables;
        this.rules = rules;
    }

    /**
     * @param blocks the newest active-chain blocks with sound bodies, ascending and contiguous up to the
     *     tip, genesis excluded
     * @param commitmentBelow the state commitment of the header just below the lowest of {@code blocks}
     */
    List<IntegrityProblem> run(StoredTip tip, List<Block> blocks, Hash256 commitmentBelow) {
        List<IntegrityProblem> problems = new ArrayList<>();
        OverlayState state = new OverlayState(tables, tip.accumulator());
        List<UndoData> undos = new ArrayList<>();
        for (int i = blocks.size() - 1; i >= 0; i--) {
            Block block = blocks.get(i);
            Hash256 id = BlockHeaderCodec.id(block.header());
            Optional<UndoData> undo = decodeUndo(id, problems);
            if (undo.isEmpty()) {
                return problems;
            }
            state.write(undo.get().changes());
            undos.addFirst(undo.get());
            Hash256 parentCommitment = i > 0 ? blocks.get(i - 1).header().stateCommitment() : commitmentBelow;
            if (!StateCommitment.of(state.accumulator()).equals(parentCommitment)) {
                problems.add(new IntegrityProblem(Kind.UNDO_MISMATCH, "reverting block " + id + " at height " + block.height()
                        + " does not give back its parent's state"));
                return problems;
            }
        }
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            switch (rules.apply(block, state)) {
                case ConnectResult.Rejected rejected -> {
                    problems.add(new IntegrityProblem(Kind.UNDO_MISMATCH, "block at height " + block.height()
                            + " no longer connects to the stored state: " + rejected.rejection()));
                    return problems;
                }
                case ConnectResult.Connected connected -> {
                    if (!connected.undo().equals(undos.get(i))) {
                        problems.add(new IntegrityProblem(Kind.UNDO_MISMATCH, "block at height " + block.height()
                                + " reconnects with undo data other than what is stored"));
                        return problems;
                    }
                    state.write(connected.diff().changes());
                }
            }
        }
        return problems;
    }

    private Optional<UndoData> decodeUndo(Hash256 id, List<IntegrityProblem> problems) {
        Optional<byte[]> bytes = chainTables.undo(id);
        if (bytes.isEmpty()) {
            problems.add(new IntegrityProblem(Kind.UNDO_MISMATCH, "block " + id + " is on the active chain but has no undo data"));
            return Optional.empty();
        }
        try {
            return Optional.of(UndoDataCodec.decode(bytes.get()));
        } catch (DecodeException e) {
            problems.add(new IntegrityProblem(Kind.UNDO_MISMATCH, "undo data of block " + id + " does not decode: " + e.getMessage()));
            return Optional.empty();
        }
    }
}
