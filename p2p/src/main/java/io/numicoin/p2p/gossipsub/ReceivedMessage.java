package io.numicoin.p2p.gossipsub;

import io.numicoin.p2p.gossipsub.rpc.Blob;
import io.numicoin.p2p.gossipsub.rpc.Message;
import io.numicoin.p2p.peer.PeerId;

/**
 * A message as handed to the application's validator: its id, the peer that forwarded it to us
 * (not necessarily its author) and the message itself.
 */
public record ReceivedMessage(Blob id, PeerId propagationSource, Message message) {

    public String topic() {
        return message.topic();
    }

    public Blob data() {
        return message.data();
    }
}
