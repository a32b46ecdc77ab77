package io.numicoin.bench;

import io.numicoin.protocol.block.Block;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads blocks from {@code source} on its own thread, at most {@code ahead} blocks ahead of the
 * consumer (the way a node's network threads hand it decoded blocks), so the measured import does
 * not include reading and decoding the benchmark's cache file.
 */
final class BlockFeed implements Iterator<Block>, AutoCloseable {

    private final BlockingQueue<Optional<Block>> queue;
    private final Thread reader;
    private volatile RuntimeException failure;
    private Optional<Block> next;

    BlockFeed(Iterator<Block> source, int ahead) {
        this.queue = new ArrayBlockingQueue<>(ahead);
        this.reader = Thread.ofPlatform().name("bench-block-feed").daemon().start(() -> {
            try {
                while (source.hasNext()) {
                    queue.put(Optional.of(source.next()));
                }
                queue.put(Optional.empty());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure = e;
                queue.offer(Optional.empty());
            }
        });
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the next block", e);
            }
        }
        if (next.isEmpty() && failure != null) {
            throw new IllegalStateException("reading the benchmark chain failed", failure);
        }
        return next.isPresent();
    }

    @Override
    public Block next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Block block = next.get();
        next = null;
        return block;
    }

    @Override
    public void close() {
        reader.interrupt();
    }
}
