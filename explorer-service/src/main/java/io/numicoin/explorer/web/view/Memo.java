package io.numicoin.explorer.web.view;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A memo (at most 256 bytes) as a page shows it: its hex, and its text when the bytes are valid
 * UTF-8 without control characters (the template escapes it like any text).
 */
public record Memo(String hex, String text, int length) {

    public static Memo of(String hex) {
        if (hex == null || hex.isEmpty()) {
            return new Memo("", null, 0);
        }
        byte[] bytes = HexFormat.of().parseHex(hex);
        return new Memo(hex, text(bytes), bytes.length);
    }

    private static String text(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n') ? null : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
