package io.numicoin.gateway.limit;

/**
 * What a bucket said about one request.
 *
 * @param allowed whether a token was taken
 * @param remaining whole tokens left after this request
 * @param retryAfterMillis when refused, how long until a token is there; 0 when allowed
 * @param fullInMillis how long until the bucket is full again
 */
public record Verdict(boolean allowed, long remaining, long retryAfterMillis, long fullInMillis) {
}
