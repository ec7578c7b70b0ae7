package dev.sleet.kit.snapshot;

import java.nio.charset.StandardCharsets;

/**
 * The names PostgreSQL gives objects nobody named ({@code users_pkey}, {@code tasks_id_seq}): both parts
 * shortened, the longer first, until the whole fits in 63 bytes. Here, not in the PostgreSQL package,
 * because the differ needs them too: a renamed table's serial sequence keeps its old name unless renamed.
 */
public final class ObjectNames {

    private static final int MAX_BYTES = 63;

    private ObjectNames() {}

    /** The sequence a {@code serial} or identity column gets when none is named: {@code table_column_seq}. */
    public static String ownedSequence(String table, String column) {
        return make(table, column, "seq");
    }

    /** The algorithm of PostgreSQL's makeObjectName (src/backend/commands/indexcmds.c). */
    public static String make(String name1, String name2, String label) {
        byte[] first = name1.getBytes(StandardCharsets.UTF_8);
        byte[] second = name2 == null ? new byte[0] : name2.getBytes(StandardCharsets.UTF_8);
        int overhead = (name2 == null ? 0 : 1) + label.getBytes(StandardCharsets.UTF_8).length + 1;
        int available = MAX_BYTES - overhead;
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
}
