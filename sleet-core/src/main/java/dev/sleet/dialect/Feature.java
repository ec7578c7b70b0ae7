package dev.sleet.dialect;

/** SQL constructs some databases lack; {@link Dialect#supports(Feature)} tells which. */
public enum Feature {
    INSERT_RETURNING("RETURNING on INSERT"),
    UPDATE_RETURNING("RETURNING on UPDATE"),
    DELETE_RETURNING("RETURNING on DELETE"),
    ON_CONFLICT("INSERT ... ON CONFLICT"),
    ON_CONFLICT_ON_CONSTRAINT("ON CONFLICT ON CONSTRAINT"),
    UPDATE_FROM("UPDATE ... FROM"),
    FULL_JOIN("FULL OUTER JOIN"),
    ILIKE("ILIKE"),
    NULLS_ORDER("NULLS FIRST / NULLS LAST"),
    SAVEPOINTS("savepoints"),
    ARRAY_PARAMETERS("array parameters (= any(?))"),
    DISTINCT_ON("SELECT DISTINCT ON"),
    ROW_LOCKING("SELECT ... FOR UPDATE / FOR SHARE"),
    DELETE_USING("DELETE ... USING"),
    LATERAL("LATERAL joins"),
    MERGE("MERGE");

    private final String sql;

    Feature(String sql) {
        this.sql = sql;
    }

    /** How the construct is written, for messages. */
    public String sql() {
        return sql;
    }
}
