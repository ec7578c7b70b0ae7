package dev.sleet.schema;

import java.util.Locale;

/** What a foreign key does when the referenced row is deleted or updated. */
public enum ReferentialAction {
    NO_ACTION, RESTRICT, CASCADE, SET_NULL, SET_DEFAULT;

    /** The SQL spelling, lower case as snapshots store it: {@code no action}, {@code set null}. */
    public String sql() {
        return name().replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    public static ReferentialAction fromSql(String sql) {
        return valueOf(sql.trim().replace(' ', '_').toUpperCase(Locale.ROOT));
    }
}
