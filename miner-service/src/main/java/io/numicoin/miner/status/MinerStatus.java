package io.numicoin.miner.status;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mining job's latest state, written by the job and read by health and the API (thread-safe:
 * one immutable snapshot swapped atomically).
 */
public final class MinerStatus {

    /** One snapshot. {@code reason} explains RETRYING (which upstream failed and how). */
    public record Snapshot(MinerState state, String reason, String failedUpstream, int consecutiveFailures,
            long workHeight, String workParent, Instant since) {

        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("state", state.name());
            if (!reason.isEmpty()) {
                details.put("reason", reason);
            }
            if (!failedUpstream.isEmpty()) {
                details.put("upstream", failedUpstream);
            }
            details.put("consecutiveFailures", consecutiveFailures);
            if (workHeight >= 0) {
                details.put("height", workHeight);
                details.put("parent", workParent);
            }
            details.put("since", since.toString());
            return details;
        }
    }

    private volatile Snapshot snapshot = new Snapshot(MinerState.STARTING, "", "", 0, -1, "", Instant.now());

    public Snapshot snapshot() {
        return snapshot;
    }

    public void mining(long height, String parent) {
        snapshot = new Snapshot(MinerState.MINING, "", "", 0, height, parent, Instant.now());
    }

    public void retrying(String upstream, String reason, int failures) {
        Snapshot old = snapshot;
        snapshot = new Snapshot(MinerState.RETRYING, reason, upstream, failures, old.workHeight(), old.workParent(), Instant.now());
    }

    public void disabled() {
        snapshot = new Snapshot(MinerState.DISABLED, "numi.miner.enabled is false", "", 0, -1, "", Instant.now());
    }
}
