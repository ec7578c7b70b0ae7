package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/**
 * One column. {@code type} is Sleet's canonical spelling ({@code varchar(50)}, {@code timestamptz(3)});
 * {@code serial} marks an integer column whose default draws from a sequence the column owns (such
 * sequences are part of the column, never objects of their own); {@code defaultValue} is in the form
 * PostgreSQL's {@code pg_get_expr} prints ({@code 'anonymous'::text}), so code and catalog compare.
 */
public record ColumnSnapshot(String name, String type, boolean serial, boolean notNull,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String defaultValue) {

    public ColumnSnapshot {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
    }
}
