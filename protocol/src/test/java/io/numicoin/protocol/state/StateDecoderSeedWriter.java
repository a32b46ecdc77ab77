package io.numicoin.protocol.state;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Run by hand: writes the seed corpus of {@link StateDecoderFuzzTest} (never overwrites). */
final class StateDecoderSeedWriter {

    private StateDecoderSeedWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of("protocol/src/test/resources/io/numicoin/protocol/state/StateDecoderFuzzTestInputs");
        Address address = new Address(Hash256.fromHex("11".repeat(32)));
        byte[] account = StateElementCodec.encode(new AccountEntry(address, new Account(Amount.ofUnits(5_000), 3)));
        byte[] reward = StateElementCodec.encode(new ImmatureReward(7, address, Amount.ofUnits(8_888_000_000L)));
        write(root.resolve("stateElement/account"), account);
        write(root.resolve("stateElement/reward"), reward);
        write(root.resolve("stateElement/empty"), new byte[0]);
        byte[] badTag = account.clone();
        badTag[0] = 9;
        write(root.resolve("stateElement/bad_tag"), badTag);
        write(root.resolve("accumulator/empty_set"), MuHash3072.EMPTY.toBytes());
        write(root.resolve("accumulator/two_elements"), MuHash3072.EMPTY.insert(account).insert(reward).toBytes());
        write(root.resolve("accumulator/all_ff"), "\u00ff".repeat(MuHash3072.SERIALIZED_BYTES).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.write(file, bytes);
        }
    }
}
