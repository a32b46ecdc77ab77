package io.numicoin.miner.pow;

/** Which Argon2id implementation the miner hashes with ({@code numi.miner.argon2}). */
public enum Argon2Mode {
    /** The protocol module's pure-Java Argon2id (default; always available). */
    JAVA,
    /** Debian's libargon2 ({@code libargon2.so.1}) through the foreign function &amp; memory API. */
    NATIVE
}
