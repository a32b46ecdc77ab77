package io.numicoin.support.argon2;

/** Which Argon2id implementation a service's proof of work uses ({@code numi.miner.argon2}, {@code numi.node.argon2}). */
public enum Argon2Mode {
    /** Debian's libargon2 when it loads and agrees with the pure-Java one on a test vector, else the pure-Java one (default). */
    AUTO,
    /** The protocol module's pure-Java Argon2id (always available). */
    JAVA,
    /** Debian's libargon2 ({@code libargon2.so.1}) through the foreign function &amp; memory API; fails at startup without it. */
    NATIVE
}
