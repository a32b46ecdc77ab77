package io.numicoin.mempool.kafka;

/** A pool change's {@code numi.mempool.v1} event was not acknowledged by Kafka: the change must not stand. */
public final class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
