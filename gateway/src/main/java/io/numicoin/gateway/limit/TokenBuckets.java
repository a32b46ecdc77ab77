package io.numicoin.gateway.limit;

import reactor.core.publisher.Mono;

/** Token buckets by name: takes one token from {@code key}'s bucket of the given rate and capacity. */
public interface TokenBuckets {

    Mono<Verdict> take(String key, Limits.Bucket bucket);
}
