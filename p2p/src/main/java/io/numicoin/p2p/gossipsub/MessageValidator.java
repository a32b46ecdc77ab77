package io.numicoin.p2p.gossipsub;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The application's hook for a topic: called once per new message (never for duplicates), before
 * the message is forwarded; this is where the application receives messages. It may answer later
 * (a block is validated before it is relayed): the router forwards when the stage completes, and
 * treats a stage that fails, or does not complete within the validation timeout, as
 * {@link ValidationResult#IGNORE}. Must not block.
 */
@FunctionalInterface
public interface MessageValidator {

    CompletionStage<ValidationResult> validate(ReceivedMessage message);

    /** Accepts everything (a plain subscriber). */
    static MessageValidator acceptAll() {
        return message -> CompletableFuture.completedFuture(ValidationResult.ACCEPT);
    }
}
