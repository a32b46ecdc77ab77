package io.numicoin.network.host;

import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.host.netty.NettyHost;
import io.numicoin.p2p.identity.IdentityFile;
import io.numicoin.p2p.identity.IdentityFileException;
import io.numicoin.p2p.identity.NodeIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Creates a libp2p host with a persistent identity: the Ed25519 key in {@code <dataDir>/node.key}
 * (created with mode 0600 on first start), so the peer id survives restarts and peers' address
 * books and bans stay valid. The host neither listens nor dials until told to.
 */
public final class HostFactory {

    /** The key file's name inside the data directory. */
    public static final String KEY_FILE = "node.key";

    private HostFactory() {
    }

    /**
     * @throws UncheckedIOException when {@code dataDir} cannot be created or read
     * @throws IllegalStateException when the key file exists but is not a usable key
     */
    public static NettyHost withKeyIn(Path dataDir, HostConfig config) {
        NodeIdentity identity;
        try {
            Files.createDirectories(dataDir);
            identity = IdentityFile.loadOrCreate(dataDir.resolve(KEY_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dataDir, e);
        } catch (IdentityFileException e) {
            throw new IllegalStateException("the node key in " + dataDir + " is unusable: " + e.getMessage(), e);
        }
        return NettyHost.create(identity, config);
    }
}
