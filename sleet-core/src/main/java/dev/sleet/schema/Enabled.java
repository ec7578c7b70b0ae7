package dev.sleet.schema;

/**
 * When a trigger or rule fires: the catalog's {@code tgenabled} or {@code ev_enabled}, one letter
 * for both, set with {@code ALTER TABLE ... ENABLE/DISABLE TRIGGER} or {@code ... RULE}.
 */
public enum Enabled {
    /** {@code ENABLE}: in origin and local sessions (the default). */
    ORIGIN("O"),
    /** {@code DISABLE}. */
    DISABLED("D"),
    /** {@code ENABLE REPLICA}: only in replica sessions. */
    REPLICA("R"),
    /** {@code ENABLE ALWAYS}: whatever the session's replication role. */
    ALWAYS("A");

    private final String code;

    Enabled(String code) {
        this.code = code;
    }

    /** The catalog's letter. */
    public String code() {
        return code;
    }

    public static Enabled fromCode(String code) {
        for (Enabled value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown enabled state " + code);
    }
}
