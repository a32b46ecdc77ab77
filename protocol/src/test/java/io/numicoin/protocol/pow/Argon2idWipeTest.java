package io.numicoin.protocol.pow;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link Argon2id#wipe()}: password-derived memory is zeroed and the hasher still gives the same results. */
class Argon2idWipeTest {

    @Test
    void wipeZeroesTheBlockMemoryAndKeepsTheHasherUsable() throws Exception {
        Argon2id argon2id = new Argon2id(64, 2, 1);
        byte[] password = "password".getBytes(StandardCharsets.US_ASCII);
        byte[] salt = "somesaltsomesalt".getBytes(StandardCharsets.US_ASCII);
        byte[] before = argon2id.hash(password, salt, 32);
        assertThat(Arrays.stream(longs(argon2id, "memory")).anyMatch(word -> word != 0)).isTrue();

        argon2id.wipe();

        assertThat(longs(argon2id, "memory")).containsOnly(0L);
        assertThat(longs(argon2id, "scratch")).containsOnly(0L);
        assertThat(bytes(argon2id, "seed")).containsOnly((byte) 0);
        assertThat(bytes(argon2id, "blockBytes")).containsOnly((byte) 0);
        assertThat(argon2id.hash(password, salt, 32)).isEqualTo(before);
    }

    private static long[] longs(Argon2id argon2id, String name) throws ReflectiveOperationException {
        Field field = Argon2id.class.getDeclaredField(name);
        field.setAccessible(true);
        return (long[]) field.get(argon2id);
    }

    private static byte[] bytes(Argon2id argon2id, String name) throws ReflectiveOperationException {
        Field field = Argon2id.class.getDeclaredField(name);
        field.setAccessible(true);
        return (byte[]) field.get(argon2id);
    }
}
