package dev.sleet.kit.postgres;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * PostgreSQL's rules for the names it gives unnamed constraints ({@code users_pkey},
 * {@code tasks_user_id_fkey}): both parts are shortened, the longer first, until the whole fits
 * in 63 bytes. Sleet uses the same rule so that a key declared without a name in code compares
 * equal to the one the catalog reports.
 */
final class PostgresNames {

    static final int MAX_IDENTIFIER_BYTES = 63;

    private PostgresNames() {}

    static String defaultName(String table, List<String> columns, String suffix) {
        String columnPart = "pkey".equals(suffix) || columns.isEmpty() ? null : String.join("_", columns);
        return makeObjectName(table, columnPart, suffix);
    }

    /** The algorithm of PostgreSQL's makeObjectName (src/backend/commands/indexcmds.c). */
    static String makeObjectName(String name1, String name2, String label) {
        byte[] first = name1.getBytes(StandardCharsets.UTF_8);
        byte[] second = name2 == null ? new byte[0] : name2.getBytes(StandardCharsets.UTF_8);
        int overhead = (name2 == null ? 0 : 1) + label.getBytes(StandardCharsets.UTF_8).length + 1;
        int available = MAX_IDENTIFIER_BYTES - overhead;
        int firstChars = first.length;
        int secondChars = second.length;
        while (firstChars + secondChars > available) {
            if (firstChars > secondChars) {
                firstChars--;
            } else {
                secondChars--;
            }
        }
        StringBuilder name = new StringBuilder(clip(first, firstChars));
        if (name2 != null) {
            name.append('_').append(clip(second, secondChars));
        }
        return name.append('_').append(label).toString();
    }

    /** Cuts UTF-8 bytes without splitting a character, as pg_mbcliplen does. */
    private static String clip(byte[] bytes, int length) {
        int end = length;
        while (end > 0 && end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
