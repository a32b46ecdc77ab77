package io.numicoin.devnet.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a chaos run measured: the checker's report, the faults applied, and for the phase without
 * faults and the phase with them the confirmed transfers a second (transfers in the blocks node1
 * added during the phase over its length) and the accepted ones a second (2xx answers).
 */
public record ChaosResult(CheckReport report, int faults, Phase baseline, Phase chaos) {

    /** One load phase. */
    public record Phase(double seconds, long accepted, long confirmedInBlocks) {

        public double acceptedPerSecond() {
            return accepted / Math.max(seconds, 1e-3);
        }

        public double confirmedPerSecond() {
            return confirmedInBlocks / Math.max(seconds, 1e-3);
        }

        /** Confirmed over accepted: 1 when the chain keeps up with what the mempool takes. */
        public double confirmedOverAccepted() {
            return accepted == 0 ? 0 : confirmedPerSecond() / acceptedPerSecond();
        }
    }

    /** The figures, one {@code name value unit} line each (bench/run's format). */
    public List<String> figures() {
        List<String> lines = new ArrayList<>();
        lines.add("chaos.faults " + faults + " count");
        lines.add("chaos.accepted " + report.accepted() + " count");
        lines.add("chaos.confirmed " + report.confirmed() + " count");
        lines.add("chaos.rejected_later " + report.rejectedLater() + " count");
        lines.add("chaos.lost " + report.lost() + " count");
        lines.add("chaos.duplicated " + report.duplicated() + " count");
        lines.add("chaos.commitments_equal " + (report.commitmentsEqual() ? 1 : 0) + " bool");
        lines.add("chaos.checks_passed " + (report.passed() ? 1 : 0) + " bool");
        lines.add("chaos.reorgs " + report.eventSourceReorgs() + " count");
        lines.add("chaos.blocks_disconnected " + report.disconnects() + " count");
        lines.add("chaos.orphaned_transfers " + report.orphanedAccepted() + " count");
        lines.add("chaos.reorgs_all_nodes " + report.reorgs() + " count");
        lines.add(String.format(Locale.ROOT, "e2e.confirmed_tx_per_s %.2f tx/s", chaos.confirmedPerSecond()));
        lines.add(String.format(Locale.ROOT, "e2e.confirmed_tx_per_s.no_faults %.2f tx/s", baseline.confirmedPerSecond()));
        lines.add(String.format(Locale.ROOT, "e2e.mempool_accept_per_s %.2f tx/s", chaos.acceptedPerSecond()));
        lines.add(String.format(Locale.ROOT, "e2e.mempool_accept_per_s.no_faults %.2f tx/s", baseline.acceptedPerSecond()));
        lines.add(String.format(Locale.ROOT, "e2e.over_mempool_accept %.3f ratio", chaos.confirmedOverAccepted()));
        lines.add(String.format(Locale.ROOT, "e2e.over_mempool_accept.no_faults %.3f ratio", baseline.confirmedOverAccepted()));
        return lines;
    }
}
