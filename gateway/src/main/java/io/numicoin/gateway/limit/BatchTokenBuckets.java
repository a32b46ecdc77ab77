package io.numicoin.gateway.limit;

import reactor.core.publisher.Mono;

/** Token buckets that can give several tokens in one call: what {@link LeasedTokenBuckets} leases from. */
public interface BatchTokenBuckets {

    /** Takes as many tokens as there are, up to {@code n}, from {@code key}'s bucket. */
    Mono<Grant> takeUpTo(String key, Limits.Bucket bucket, int n);
}
