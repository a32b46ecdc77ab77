package io.numicoin.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.tx.ProtocolLimits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The block files on a real file system: records, new files, reopening after a torn write, and every damage a reader can meet. */
class BlockFilesTest {

    @TempDir
    Path dir;

    private static byte[] body(Random random, int size) {
        byte[] body = new byte[size];
        random.nextBytes(body);
        return body;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void everyBodyReadsBackAcrossNewFiles(long seed) throws IOException {
        Random random = new Random(seed);
        List<byte[]> bodies = new ArrayList<>();
        List<BlockFiles.Location> at = new ArrayList<>();
        try (BlockFiles files = BlockFiles.open(dir, 64 * 1024)) {
            for (int i = 0; i < 60; i++) {
                byte[] body = body(random, 1 + random.nextInt(i % 10 == 0 ? 100_000 : 20_000));
                bodies.add(body);
                at.add(files.append(body));
            }
            for (int i = 0; i < bodies.size(); i++) {
                assertThat(files.read(at.get(i), bodies.get(i).length)).isEqualTo(bodies.get(i));
            }
        }
        long fileCount = 0;
        long onDisk = 0;
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : (Iterable<Path>) list::iterator) {
                fileCount++;
                onDisk += Files.size(file);
            }
        }
        try (BlockFiles reopened = BlockFiles.open(dir, 64 * 1024)) {
            assertThat(reopened.bytes()).as("every file's bytes, counted again at open").isEqualTo(onDisk)
                    .isEqualTo(bodies.stream().mapToLong(b -> BlockFiles.HEADER_BYTES + b.length).sum());
        }
        assertThat(fileCount).isEqualTo(at.getLast().fileNo() + 1L).isGreaterThan(5);
        for (int i = 1; i < at.size(); i++) {
            BlockFiles.Location before = at.get(i - 1);
            BlockFiles.Location after = at.get(i);
            if (after.fileNo() == before.fileNo()) {
                assertThat(after.offset()).isEqualTo(before.offset() + BlockFiles.HEADER_BYTES + bodies.get(i - 1).length);
            } else {
                assertThat(after).isEqualTo(new BlockFiles.Location(before.fileNo() + 1, 0));
                long ended = Files.size(dir.resolve(String.format("blk%05d.dat", before.fileNo())));
                assertThat(ended + BlockFiles.HEADER_BYTES + bodies.get(i).length)
                        .as("a file is ended only when the next record would pass its limit")
                        .isGreaterThan(64 * 1024);
            }
        }
    }

    @Test
    void reopenedFilesAppendAfterATornRecordWhichNoReaderMeets() throws IOException {
        Random random = new Random(7);
        byte[] first = body(random, 5_000);
        BlockFiles.Location firstAt;
        try (BlockFiles files = BlockFiles.open(dir, BlockFiles.DEFAULT_MAX_FILE_BYTES)) {
            firstAt = files.append(first);
        }
        Path file = dir.resolve("blk00000.dat");
        // a crash in the middle of the next append: its header and part of its body reached the disk
        Files.write(file, ByteBuffer.allocate(8 + 100).putInt(BlockFiles.MAGIC).putInt(4_000).array(), StandardOpenOption.APPEND);
        long torn = Files.size(file);

        byte[] second = body(random, 3_000);
        try (BlockFiles files = BlockFiles.open(dir, BlockFiles.DEFAULT_MAX_FILE_BYTES)) {
            assertThat(files.bytes()).isEqualTo(torn);
            BlockFiles.Location secondAt = files.append(second);
            assertThat(files.bytes()).isEqualTo(torn + BlockFiles.HEADER_BYTES + second.length);
            assertThat(secondAt).isEqualTo(new BlockFiles.Location(0, torn));
            assertThat(files.read(firstAt, first.length)).isEqualTo(first);
            assertThat(files.read(secondAt, second.length)).isEqualTo(second);
        }
    }

    @Test
    void aDamagedOrMissingRecordIsCorruptChainDataNamingTheFile() throws IOException {
        byte[] body = body(new Random(11), 10_000);
        try (BlockFiles files = BlockFiles.open(dir, BlockFiles.DEFAULT_MAX_FILE_BYTES)) {
            BlockFiles.Location at = files.append(body);
            files.append(body(new Random(12), 100));

            assertThatThrownBy(() -> files.read(at, body.length - 1)).isInstanceOf(CorruptChainDataException.class)
                    .hasMessageContaining("blk00000.dat").hasMessageContaining("holds 10000 bytes, not 9999");
            assertThatThrownBy(() -> files.read(new BlockFiles.Location(0, 4), 100)).isInstanceOf(CorruptChainDataException.class)
                    .hasMessageContaining("no record starts there");
            assertThatThrownBy(() -> files.read(new BlockFiles.Location(3, 0), 100)).isInstanceOf(CorruptChainDataException.class)
                    .hasMessageContaining("blk00003.dat").hasMessageContaining("missing");
            assertThatThrownBy(() -> files.read(new BlockFiles.Location(0, 0), 0)).isInstanceOf(CorruptChainDataException.class);
            assertThatThrownBy(() -> files.read(new BlockFiles.Location(0, 0), ProtocolLimits.MAX_BLOCK_BYTES + 1))
                    .isInstanceOf(CorruptChainDataException.class).hasMessageContaining("outside what a block file holds");
            assertThatThrownBy(() -> files.read(new BlockFiles.Location(0, -1), 100)).isInstanceOf(CorruptChainDataException.class);

            try (FileChannel channel = FileChannel.open(dir.resolve("blk00000.dat"), StandardOpenOption.WRITE)) {
                channel.truncate(BlockFiles.HEADER_BYTES + 5_000);
            }
            assertThatThrownBy(() -> files.read(at, body.length)).isInstanceOf(CorruptChainDataException.class)
                    .hasMessageContaining("the file ends 5008 bytes into the record of 10008");
        }
    }

    @Test
    void bodiesOutsideTheProtocolsBoundsAreRefused() {
        try (BlockFiles files = BlockFiles.open(dir, BlockFiles.DEFAULT_MAX_FILE_BYTES)) {
            assertThatThrownBy(() -> files.append(new byte[0])).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> files.append(new byte[ProtocolLimits.MAX_BLOCK_BYTES + 1]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to " + ProtocolLimits.MAX_BLOCK_BYTES);
            byte[] largest = new byte[ProtocolLimits.MAX_BLOCK_BYTES];
            assertThat(files.read(files.append(largest), largest.length)).isEqualTo(largest);
        }
    }

    @Test
    void aFileSmallerThanTheLargestBodyStillTakesItAlone() {
        Random random = new Random(5);
        try (BlockFiles files = BlockFiles.open(dir, 1_000)) {
            byte[] small = body(random, 10);
            byte[] large = body(random, 5_000);
            BlockFiles.Location smallAt = files.append(small);
            BlockFiles.Location largeAt = files.append(large);
            BlockFiles.Location afterAt = files.append(small);
            assertThat(List.of(smallAt, largeAt, afterAt)).containsExactly(new BlockFiles.Location(0, 0),
                    new BlockFiles.Location(1, 0), new BlockFiles.Location(2, 0));
            assertThat(files.read(largeAt, large.length)).isEqualTo(large);
        }
    }

    @Test
    void concurrentAppendsAndReadsKeepEveryRecordWhole() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (BlockFiles files = BlockFiles.open(dir, 200_000)) {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = t;
                done.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    List<byte[]> mine = new ArrayList<>();
                    List<BlockFiles.Location> at = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        byte[] body = body(random, 1 + random.nextInt(30_000));
                        mine.add(body);
                        at.add(files.append(body));
                        int j = random.nextInt(mine.size());
                        assertThat(files.read(at.get(j), mine.get(j).length)).isEqualTo(mine.get(j));
                    }
                    return mine.size();
                }));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get()).isEqualTo(50);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void anInterruptedReaderDoesNotBreakTheNextRead() {
        byte[] body = body(new Random(3), 1_000);
        try (BlockFiles files = BlockFiles.open(dir, BlockFiles.DEFAULT_MAX_FILE_BYTES)) {
            BlockFiles.Location at = files.append(body);
            files.read(at, body.length);  // opens the shared reader
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> files.read(at, body.length)).hasMessageContaining("interrupted");
            assertThat(Thread.interrupted()).isTrue();
            assertThat(files.read(at, body.length)).isEqualTo(body);
            Thread.currentThread().interrupt();
            try {
                files.append(body);  // closes the writer (ClosedByInterruptException)
            } catch (RuntimeException expected) {
                // interrupted
            }
            Thread.interrupted();
            BlockFiles.Location next = files.append(body);
            assertThat(files.read(next, body.length)).isEqualTo(body);
        }
    }
}
