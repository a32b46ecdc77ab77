package io.numicoin.p2p.gossipsub;

import io.numicoin.p2p.gossipsub.MessageAuthenticity.Check;
import io.numicoin.p2p.gossipsub.rpc.Blob;
import io.numicoin.p2p.gossipsub.rpc.Message;
import io.numicoin.p2p.gossipsub.rpc.RpcCodec;
import io.numicoin.p2p.gossipsub.score.PeerScore.Rejection;
import io.numicoin.p2p.peer.PeerId;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * The life of a message: received messages are checked against the signing policy, deduplicated by
 * the seen-cache, validated by the application (possibly asynchronously, at most
 * {@code maxPendingValidations} at once), then cached and forwarded to the mesh, or penalised, or
 * dropped. Own messages are stamped and signed as the policy says, cached, and flood-published to
 * every topic peer above the publish threshold (or sent to the mesh or fanout).
 */
final class MessagePipeline {

    private static final class Pending {
        final PeerId source;
        final Message message;
        final long startedMillis;
        final Set<PeerId> alsoFrom = new HashSet<>();

        Pending(PeerId source, Message message, long startedMillis) {
            this.source = source;
            this.message = message;
            this.startedMillis = startedMillis;
        }
    }

    private final RouterState state;
    private final MessageSigner signer;
    /** Runs a validation verdict back on the router's thread. */
    private final BiConsumer<Blob, ValidationResult> verdicts;
    private final Map<Blob, Pending> pending = new LinkedHashMap<>();
    private long seqno;

    MessagePipeline(RouterState state, MessageSigner signer, BiConsumer<Blob, ValidationResult> verdicts) {
        this.state = state;
        this.signer = signer;
        this.verdicts = verdicts;
        this.seqno = state.random.nextLong();
    }

    void receive(PeerId from, Message message) {
        String topic = message.topic();
        MessageValidator validator = state.subscriptions.get(topic);
        if (validator == null) {
            return;
        }
        if (MessageAuthenticity.check(message, state.config.signaturePolicy()) != Check.VALID) {
            state.score.invalidMessage(from, topic);
            return;
        }
        if (state.self.equals(MessageAuthenticity.author(message))) {
            return;
        }
        Blob id = state.config.messageIdFunction().id(message);
        if (state.seen.contains(id)) {
            state.score.duplicateMessage(from, id, topic);
            Pending inFlight = pending.get(id);
            if (inFlight != null) {
                inFlight.alsoFrom.add(from);
            }
            return;
        }
        if (pending.size() >= state.params.maxPendingValidations()) {
            state.score.rejectMessage(from, id, topic, Rejection.THROTTLED);
            return;
        }
        state.seen.add(id, state.now());
        state.promises.fulfil(id);
        state.score.validateMessage(from, id);
        pending.put(id, new Pending(from, message, state.now()));
        CompletionStage<ValidationResult> verdict;
        try {
            verdict = validator.validate(new ReceivedMessage(id, from, message));
        } catch (RuntimeException e) {
            verdicts.accept(id, ValidationResult.IGNORE);
            return;
        }
        verdict.whenComplete((result, error) ->
                verdicts.accept(id, error != null || result == null ? ValidationResult.IGNORE : result));
    }

    /** The application's verdict; a verdict for a message no longer pending (timed out) is dropped. */
    void complete(Blob id, ValidationResult result) {
        Pending p = pending.remove(id);
        if (p == null) {
            return;
        }
        String topic = p.message.topic();
        switch (result) {
            case ACCEPT -> {
                state.score.deliverMessage(p.source, id, topic);
                state.mcache.put(id, p.message);
                Set<PeerId> exclude = new HashSet<>(p.alsoFrom);
                exclude.add(p.source);
                PeerId author = MessageAuthenticity.author(p.message);
                if (author != null) {
                    exclude.add(author);
                }
                for (PeerId peer : state.mesh.getOrDefault(topic, Set.of())) {
                    if (!exclude.contains(peer)) {
                        state.outbox.message(peer, p.message);
                    }
                }
            }
            case REJECT -> state.score.rejectMessage(p.source, id, topic, Rejection.INVALID);
            case IGNORE -> state.score.rejectMessage(p.source, id, topic, Rejection.IGNORED);
        }
    }

    /** Validations pending longer than the timeout count as ignored. */
    void expire() {
        long cutoff = state.now() - state.params.validationTimeout().toMillis();
        List<Blob> late = new ArrayList<>();
        Iterator<Map.Entry<Blob, Pending>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Blob, Pending> entry = it.next();
            if (entry.getValue().startedMillis > cutoff) {
                break;
            }
            late.add(entry.getKey());
        }
        late.forEach(id -> complete(id, ValidationResult.IGNORE));
    }

    int pendingCount() {
        return pending.size();
    }

    PublishResult publish(String topic, Blob data) {
        Message message = stamp(topic, data);
        Blob id = state.config.messageIdFunction().id(message);
        if (RpcCodec.encodedSize(message) > state.config.rpcLimits().maxMessageBytes()) {
            return new PublishResult(PublishResult.Outcome.TOO_LARGE, id, 0);
        }
        if (!state.seen.add(id, state.now())) {
            return new PublishResult(PublishResult.Outcome.DUPLICATE, id, 0);
        }
        state.mcache.put(id, message);
        List<PeerId> recipients = recipients(topic);
        recipients.forEach(peer -> state.outbox.message(peer, message));
        return new PublishResult(PublishResult.Outcome.PUBLISHED, id, recipients.size());
    }

    private Message stamp(String topic, Blob data) {
        if (state.config.signaturePolicy() == SignaturePolicy.STRICT_NO_SIGN) {
            return Message.unsigned(topic, data);
        }
        byte[] counter = ByteBuffer.allocate(8).putLong(++seqno).array();
        Message unsigned = new Message(Blob.of(signer.author().toBytes()), data, Blob.of(counter), topic, null, null);
        return MessageAuthenticity.sign(unsigned, signer);
    }

    private List<PeerId> recipients(String topic) {
        double publishThreshold = state.thresholds.publishThreshold();
        if (state.params.floodPublish()) {
            List<PeerId> all = new ArrayList<>();
            for (PeerId peer : state.topicPeers.getOrDefault(topic, Set.of())) {
                if (state.scoreOf(peer) >= publishThreshold) {
                    all.add(peer);
                }
            }
            return all;
        }
        Set<PeerId> members = state.mesh.get(topic);
        if (members == null) {
            members = state.fanout.computeIfAbsent(topic, t -> new java.util.LinkedHashSet<>());
            if (members.isEmpty()) {
                members.addAll(state.selectPeers(topic, state.params.d(), peer -> state.scoreOf(peer) >= publishThreshold));
            }
            state.fanoutLastPublished.put(topic, state.now());
        }
        return new ArrayList<>(members);
    }
}
