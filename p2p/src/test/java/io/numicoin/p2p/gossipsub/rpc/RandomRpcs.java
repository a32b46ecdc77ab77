package io.numicoin.p2p.gossipsub.rpc;

import io.numicoin.p2p.gossipsub.rpc.ControlMessage.Graft;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.IHave;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.IWant;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.PeerInfo;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.Prune;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;

/** Random well-formed RPCs within {@link RpcLimits#DEFAULT}, from a caller's seeded random. */
final class RandomRpcs {

    private final Random random;

    RandomRpcs(Random random) {
        this.random = random;
    }

    Rpc rpc() {
        List<Rpc.SubOpts> subs = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            subs.add(new Rpc.SubOpts(random.nextBoolean(), topic()));
        }
        List<Message> messages = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            messages.add(message());
        }
        return new Rpc(subs, messages, random.nextBoolean() ? ControlMessage.EMPTY : control());
    }

    Message message() {
        return new Message(maybe(38), blob(random.nextInt(300)), maybe(8), topic(), maybe(64), maybe(36));
    }

    ControlMessage control() {
        List<IHave> ihave = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            ihave.add(new IHave(topic(), ids()));
        }
        List<IWant> iwant = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            iwant.add(new IWant(ids()));
        }
        List<Graft> graft = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            graft.add(new Graft(topic()));
        }
        List<Prune> prune = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            List<PeerInfo> peers = new ArrayList<>();
            for (int j = random.nextInt(3); j > 0; j--) {
                peers.add(new PeerInfo(maybe(38), maybe(100)));
            }
            OptionalLong backoff = random.nextBoolean() ? OptionalLong.of(random.nextLong(0, 1L << 40))
                    : OptionalLong.empty();
            prune.add(new Prune(topic(), peers, backoff));
        }
        return new ControlMessage(ihave, iwant, graft, prune);
    }

    String topic() {
        String[] topics = {"", "/numi/regtest/blocks/1", "/numi/regtest/txs/1", "t", "Ωmega-τοπικ", "🙂"};
        return topics[random.nextInt(topics.length)];
    }

    private List<Blob> ids() {
        List<Blob> ids = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            ids.add(blob(random.nextInt(1, 48)));
        }
        return ids;
    }

    private Blob maybe(int length) {
        return random.nextInt(3) == 0 ? null : blob(random.nextInt(length + 1));
    }

    Blob blob(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return Blob.of(bytes);
    }
}
