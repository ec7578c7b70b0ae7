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

    /**
     * Roles belong to the whole cluster, which other test runs share: every role a property creates
     * starts with this, unique to the JVM, and {@link PropertyDatabase} drops them all.
     */
    static final String ROLE_PREFIX = "sleet_p" + Long.toString(ProcessHandle.current().pid(), 36)
            + Long.toString(System.nanoTime() % 46656, 36) + "_";

    /** Enum labels: also what breaks quoting in literals, array literals and Java strings. */
    private static final String[] LABELS = {"a", "b", "c", "d", "active", "on hold", "it's", "Ä", "日本", "NULL", "a,b",
            "{x}", "q\"q", "back\\slash", " lead", "x".repeat(63), "UPPER", "$1"};

    /** How adventurous names are: 0 plain only, 1 sometimes odd. */
    private final int weirdness;

    Names(int weirdness) {
        this.weirdness = weirdness;
    }

    /** A candidate name for an object of the given kind (t, c, fk, ix, uq, pk, s). */
    String next(Random random, String kind) {
        // A table named as an enum type is renamed to while it is made anew.
        if (weirdness > 0 && kind.equals("t") && random.nextInt(30) == 0) {
            return "e" + random.nextInt(6) + "_old";
        }
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

    /** A role name, prefixed so that it is this run's own. */
    String role(Random random) {
        String name = weirdness > 0 && random.nextInt(4) == 0 ? ODD[random.nextInt(ODD.length)] : "r" + random.nextInt(6);
        return ROLE_PREFIX + name;
    }

    /** Enum labels, distinct, in random order; now and then none at all, which PostgreSQL allows. */
    java.util.List<String> labels(Random random) {
        java.util.List<String> labels = new java.util.ArrayList<>();
        int count = random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(4);
        while (labels.size() < count) {
            String label = weirdness > 0 || random.nextInt(3) == 0 ? LABELS[random.nextInt(LABELS.length)]
                    : LABELS[random.nextInt(4)];
            if (!labels.contains(label)) {
                labels.add(label);
            }
            if (labels.size() < count && labels.size() == LABELS.length) {
                break;
            }
        }
        return labels;
    }

    /** A label not among {@code taken}. */
    String newLabel(Random random, java.util.List<String> taken) {
        for (int i = 0; i < 20; i++) {
            String label = LABELS[random.nextInt(LABELS.length)];
            if (!taken.contains(label)) {
                return label;
            }
        }
        for (int i = 0; ; i++) {
            if (!taken.contains("l" + i)) {
                return "l" + i;
            }
        }
    }

    /** A comment: any text, now and then the empty one. */
    static String comment(Random random) {
        return random.nextInt(12) == 0 ? "" : TypeCatalog.text(random, 40);
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
