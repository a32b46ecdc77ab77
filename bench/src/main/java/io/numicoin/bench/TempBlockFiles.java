package io.numicoin.bench;

import io.numicoin.node.storage.BlockFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/** A bench node's block files, in a temporary directory deleted with them (a 1,000-block import writes 2 GB). */
final class TempBlockFiles implements AutoCloseable {

    private final Path root;
    private final BlockFiles files;

    TempBlockFiles(JdbcTemplate jdbc) {
        try {
            root = Files.createTempDirectory("numi-bench-blocks");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files = BlockFiles.forDatabase(root, jdbc, BlockFiles.DEFAULT_MAX_FILE_BYTES);
    }

    BlockFiles files() {
        return files;
    }

    @Override
    public void close() {
        files.close();
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
