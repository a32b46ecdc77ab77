package io.numicoin.p2p.gossipsub.sim;

import io.numicoin.p2p.gossipsub.MessageValidator;
import io.numicoin.p2p.gossipsub.ReceivedMessage;
import io.numicoin.p2p.gossipsub.ValidationResult;
import io.numicoin.p2p.gossipsub.rpc.Blob;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A validator that records every message it is asked about and answers with a verdict function,
 * after {@code delayMillis} of virtual time (0: at once).
 */
public final class RecordingValidator implements MessageValidator {

    private final SimNetwork network;
    private final long delayMillis;
    private final Function<ReceivedMessage, ValidationResult> verdict;
    private final List<ReceivedMessage> seen = new ArrayList<>();

    public RecordingValidator(SimNetwork network, long delayMillis, Function<ReceivedMessage, ValidationResult> verdict) {
        this.network = network;
        this.delayMillis = delayMillis;
        this.verdict = verdict;
    }

    public static RecordingValidator accepting(SimNetwork network) {
        return new RecordingValidator(network, 0, m -> ValidationResult.ACCEPT);
    }

    @Override
    public CompletionStage<ValidationResult> validate(ReceivedMessage message) {
        seen.add(message);
        ValidationResult result = verdict.apply(message);
        if (delayMillis == 0) {
            return CompletableFuture.completedFuture(result);
        }
        CompletableFuture<ValidationResult> later = new CompletableFuture<>();
        network.schedule(delayMillis, () -> later.complete(result));
        return later;
    }

    public List<ReceivedMessage> seen() {
        return List.copyOf(seen);
    }

    public List<Blob> ids() {
        return seen.stream().map(ReceivedMessage::id).toList();
    }

    public int count() {
        return seen.size();
    }
}
