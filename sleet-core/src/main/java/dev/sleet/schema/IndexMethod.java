package dev.sleet.schema;

import java.util.Locale;

/** Index access methods. */
public enum IndexMethod {
    BTREE, HASH, GIN, GIST, BRIN, SPGIST;

    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IndexMethod fromSql(String sql) {
        return valueOf(sql.toUpperCase(Locale.ROOT));
    }
}
