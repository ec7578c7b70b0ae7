package dev.sleet.sql;

/**
 * The SQL texts rendered lately, so that a statement rendered again (the same query with other
 * values) gets the String it had before instead of a new copy of its buffer. The driver finds its
 * cached server-side statement by that String, whose hash is then already known.
 *
 * <p>Direct-mapped by the text's hash, {@value #SIZE} slots; a slot holds the last text that hashed
 * there. Read and written without locks on purpose: Strings are immutable, so a thread sees a
 * whole String or another, and the content is always compared before one is reused.
 */
final class SqlTexts {

    private static final int SIZE = 256;
    /** Longer texts are rare (many-row inserts have their own cache) and not worth holding. */
    private static final int MAX_LENGTH = 2_048;

    private static final String[] SLOTS = new String[SIZE];

    private SqlTexts() {
    }

    /** The buffer's text: a String rendered before with the same content, or a new one that later renders may reuse. */
    static String of(StringBuilder buffer) {
        int length = buffer.length();
        if (length > MAX_LENGTH) {
            return buffer.toString();
        }
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + buffer.charAt(i);
        }
        int slot = (hash ^ (hash >>> 16)) & (SIZE - 1);
        String known = SLOTS[slot];
        if (known != null && known.length() == length && known.contentEquals(buffer)) {
            return known;
        }
        String text = buffer.toString();
        SLOTS[slot] = text;
        return text;
    }
}
