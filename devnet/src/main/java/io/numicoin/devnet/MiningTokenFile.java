package io.numicoin.devnet;

import io.numicoin.devnet.wallet.RandomSecretFile;
import java.nio.file.Path;

/**
 * The devnet's mining token: the nodes take mined blocks and proposals only with it
 * ({@code numi.api.mining-token-file}) and the miner sends it ({@code numi.upstream.mining-token-file}).
 * 32 random bytes in hex, made on the first start (mode 0600 where the file system has modes) and
 * kept with the data directory.
 */
final class MiningTokenFile {

    private MiningTokenFile() {
    }

    /** {@code file}, created with a new random token if it does not exist yet. */
    static Path ensure(Path file) {
        return RandomSecretFile.ensure(file, "mining token");
    }
}
