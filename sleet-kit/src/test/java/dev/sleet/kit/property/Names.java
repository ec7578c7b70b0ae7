package dev.sleet.kit.property;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * SQL names for generated objects. Most are plain ({@code t3}, {@code c_7}); some are the kinds that
 * break code which forgets to quote: mixed case, spaces, SQL reserved words, Java keywords and
 * names of {@code Table}'s own members, quotes, non-ASCII, and names right at PostgreSQL's 63-byte
 * limit. Every name fits in 63 bytes, so PostgreSQL never truncates one. Uniqueness is the
 * caller's business ({@link SchemaDraft} keeps the namespaces).
 */
final class Names {

    static final int MAX_BYTES = 63;

    private static final String[] RESERVED = {"user", "order", "select", "table", "group", "from", "check", "default",
            "primary", "limit", "end", "column", "index", "constraint"};
    private static final String[] JAVA = {"class", "public", "int", "name", "schema", "columns", "as", "tableName",
            "Schema", "Relations", "String", "_", "record"};
    private static final String[] ODD = {"Mixed Case", "UserAccount", "createdAt", "ID", "order item", "a\"b", "it's",
            "größe", "naïve", "日本", "1st", "dollar$", "a-b", "%pct", "x y z", "Z",
            // the same Java name once camel-cased: field and class names must still come out distinct
            "first name", "first_name", "firstName", "FirstName", "User", "USER", "user_", "Order"};

    /** How adventurous names are: 0 plain only, 1 sometimes odd. */
    private final int weirdness;

    Names(int weirdness) {
        this.weirdness = weirdness;
    }

    /** A candidate name for an object of the given kind (t, c, fk, ix, uq, pk, s). */
    String next(Random random, String kind) {
        if (weirdness > 0 && random.nextInt(4) == 0) {
            switch (random.nextInt(5)) {
                case 0: return RESERVED[random.nextInt(RESERVED.length)];
                case 1: return JAVA[random.nextInt(JAVA.length)];
                case 2: return ODD[random.nextInt(ODD.length)];
                case 3: return longName(random, kind);
                default: return ODD[random.nextInt(ODD.length)] + " " + random.nextInt(10);
            }
        }
        return kind + random.nextInt(kind.equals("c") ? 12 : 6);
    }

    /** A name of exactly 63 bytes, sometimes with a multi-byte character across the limit. */
    private static String longName(Random random, String kind) {
        StringBuilder name = new StringBuilder(kind).append('_').append(random.nextInt(100)).append('_');
        String filler = random.nextBoolean() ? "long_name_" : "läng_näme_";
        while (bytes(name.toString() + filler) <= MAX_BYTES) {
            name.append(filler);
        }
        while (bytes(name + "x") <= MAX_BYTES) {
            name.append('x');
        }
        return name.toString();
    }

    static int bytes(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length;
    }
}
