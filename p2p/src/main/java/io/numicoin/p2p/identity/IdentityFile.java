package io.numicoin.p2p.identity;

import io.numicoin.p2p.protobuf.ProtoReader;
import io.numicoin.p2p.protobuf.ProtobufException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The persistent node identity: a file holding libp2p's Ed25519 private key encoding
 * ({@code PrivateKey { Type = 1, Data = seed || public key }}, 68 bytes). Created with mode 0600 when
 * missing; on POSIX file systems a file that group or others can access is refused.
 */
public final class IdentityFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    private static final int MAX_FILE = 256;

    private IdentityFile() {
    }

    /** Loads the identity at {@code path}, creating a new one there first if the file is missing. */
    public static NodeIdentity loadOrCreate(Path path) throws IdentityFileException {
        if (!Files.exists(path)) {
            try {
                create(path, NodeIdentity.generate());
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: load theirs
            } catch (IOException e) {
                throw new IdentityFileException(IdentityFileException.Reason.IO,
                        "cannot create the node identity file " + path + ": " + e.getMessage(), e);
            }
        }
        return load(path);
    }

    /** Loads an existing identity file. */
    public static NodeIdentity load(Path path) throws IdentityFileException {
        try {
            checkPermissions(path);
            if (Files.size(path) > MAX_FILE) {
                throw malformed(path, "the file is larger than " + MAX_FILE + " bytes", null);
            }
            return decode(path, Files.readAllBytes(path));
        } catch (IOException e) {
            throw new IdentityFileException(IdentityFileException.Reason.IO,
                    "cannot read the node identity file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code identity} to a new file at {@code path} with mode 0600 (atomically where possible). */
    public static void create(Path path, NodeIdentity identity) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
        Path temp = posix
                ? Files.createTempFile(dir, ".identity", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, ".identity", ".tmp");
        try {
            Files.write(temp, identity.encodePrivateKey());
            if (Files.exists(path)) {
                throw new FileAlreadyExistsException(path.toString());
            }
            try {
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void checkPermissions(Path path) throws IOException, IdentityFileException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null) {
            return; // not a POSIX file system: nothing to check
        }
        Set<PosixFilePermission> perms = view.readAttributes().permissions();
        if (!OWNER_ONLY.containsAll(perms)) {
            throw new IdentityFileException(IdentityFileException.Reason.INSECURE_PERMISSIONS,
                    "the node identity file " + path + " is accessible to other users (mode "
                            + PosixFilePermissions.toString(perms) + "); run: chmod 600 " + path, null);
        }
    }

    private static NodeIdentity decode(Path path, byte[] bytes) throws IdentityFileException {
        Long type = null;
        byte[] data = null;
        try {
            ProtoReader r = new ProtoReader(bytes);
            while (r.next()) {
                switch (r.field()) {
                    case 1 -> type = r.readVarint();
                    case 2 -> data = r.readBytes(64);
                    default -> r.skip();
                }
            }
        } catch (ProtobufException e) {
            throw malformed(path, e.getMessage(), e);
        }
        if (type == null || type != Libp2pPublicKey.KEY_TYPE_ED25519 || data == null || data.length != 64) {
            throw malformed(path, "expected an Ed25519 private key (type 1, 64 bytes of data)", null);
        }
        try {
            return NodeIdentity.fromKeys(Arrays.copyOf(data, 32), Arrays.copyOfRange(data, 32, 64));
        } catch (IllegalArgumentException e) {
            throw malformed(path, e.getMessage(), e);
        }
    }

    private static IdentityFileException malformed(Path path, String why, Throwable cause) {
        return new IdentityFileException(IdentityFileException.Reason.MALFORMED,
                "the node identity file " + path + " is not a libp2p Ed25519 private key: " + why, cause);
    }
}
