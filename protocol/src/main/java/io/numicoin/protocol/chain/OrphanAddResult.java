package io.numicoin.protocol.chain;

/** What {@link OrphanPool#add} did with an orphan. */
public enum OrphanAddResult {
    /** Stored (possibly after evicting the oldest entries to stay within the bounds). */
    ADDED,
    /** An orphan with the same id is already stored; nothing changed. */
    DUPLICATE,
    /** The entry alone is larger than the pool's byte bound; nothing stored. */
    TOO_LARGE
}
