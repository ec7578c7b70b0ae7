package dev.sleet.schema;

import java.util.List;
import java.util.Objects;

/**
 * How a partitioned table splits its rows: {@code PARTITION BY RANGE (created_at)}. The keys keep
 * their order, which is part of the table (a range bound lists values in key order).
 */
public record Partitioning(Strategy strategy, List<Key> keys) {

    public enum Strategy {
        RANGE, LIST, HASH;

        /** The SQL keyword. */
        public String sql() {
            return name();
        }
    }

    /**
     * One partition key: a column by its SQL name, or an expression written as PostgreSQL prints it
     * back ({@code lower(name)}, see {@link Check}).
     */
    public record Key(String column, String expression) {

        public Key {
            if ((column == null) == (expression == null)) {
                throw new IllegalArgumentException("A partition key is a column or an expression, not both or neither");
            }
        }

        public static Key column(Column<?> column) {
            return new Key(Objects.requireNonNull(column, "column").name(), null);
        }

        /** A column by SQL name: for a partition, whose columns are those of its parent. */
        public static Key column(String name) {
            return new Key(Objects.requireNonNull(name, "column"), null);
        }

        public static Key expression(String expression) {
            return new Key(null, Objects.requireNonNull(expression, "expression"));
        }
    }

    public Partitioning {
        Objects.requireNonNull(strategy, "strategy");
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("A partitioned table needs at least one partition key");
        }
    }
}
