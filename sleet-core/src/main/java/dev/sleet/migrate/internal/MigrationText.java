package dev.sleet.migrate.internal;

import dev.sleet.migrate.MigrationException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A migration file's bytes as text. Files are UTF-8, and bytes that are not are an error naming the
 * line, never a replacement character that would end up in the database.
 */
public final class MigrationText {

    private MigrationText() {
    }

    /** @param fileName the file, e.g. {@code 0001_x.sql}, for the message */
    public static String decode(byte[] bytes, String fileName) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            int line = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new MigrationException("Migration file " + fileName + " is not UTF-8: line " + line + " holds the byte 0x"
                    + String.format("%02X", bytes[bad] & 0xFF) + ", which UTF-8 does not allow there (was the file saved as"
                    + " Latin-1 or Windows-1252?). Save it as UTF-8.");
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
