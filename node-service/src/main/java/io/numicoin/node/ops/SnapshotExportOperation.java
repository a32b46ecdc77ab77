package io.numicoin.node.ops;

import io.numicoin.node.api.admin.AdminOperation;
import io.numicoin.node.snapshot.SnapshotException;
import io.numicoin.node.snapshot.SnapshotReader;
import io.numicoin.node.snapshot.SnapshotManifest;
import java.nio.file.Path;

/** {@code POST /admin/snapshot-export}: writes the state at the current tip into the snapshot directory. */
public final class SnapshotExportOperation implements AdminOperation {

    private final NodeOperations operations;

    public SnapshotExportOperation(NodeOperations operations) {
        this.operations = operations;
    }

    @Override
    public String name() {
        return "snapshot-export";
    }

    @Override
    public String description() {
        return "Export the account state at the current tip to a hashed, verifiable snapshot file in numi.snapshot.directory";
    }

    @Override
    public Result run() throws SnapshotException {
        Path file = operations.exportSnapshotToDirectory();
        SnapshotManifest manifest = SnapshotReader.manifest(file);
        return new Result(file.toAbsolutePath().toString(), manifest.height(), manifest.blockId().toHex(), manifest.accounts(),
                manifest.rewards(), manifest.chunks().size());
    }

    /** What was written. */
    public record Result(String file, long height, String blockId, long accounts, long immatureRewards, int chunks) {
    }
}
