package io.numicoin.gateway.limit;

/**
 * What a bucket gave when asked for up to n tokens at once.
 *
 * @param granted tokens taken (0 when the bucket had less than one)
 * @param remaining whole tokens left in the bucket after them
 * @param retryAfterMillis when none was granted, how long until a token is there; 0 otherwise
 * @param fullInMillis how long until the bucket is full again
 */
public record Grant(int granted, long remaining, long retryAfterMillis, long fullInMillis) {

    /** The verdict on one request that asked for one token. */
    public Verdict verdict() {
        return new Verdict(granted > 0, remaining, retryAfterMillis, fullInMillis);
    }
}
