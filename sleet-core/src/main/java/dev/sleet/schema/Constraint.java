package dev.sleet.schema;

import java.util.List;
import java.util.Optional;

/**
 * A table-level primary key or unique constraint over one or more columns. A missing name means
 * PostgreSQL's default name ({@code <table>_pkey}, {@code <table>_<columns>_key}).
 * {@code nullsNotDistinct} makes a unique constraint treat NULLs as equal (PostgreSQL 15);
 * {@code deferral} says when it is checked ({@link Deferral}).
 */
public record Constraint(Kind kind, Optional<String> name, List<String> columns, boolean nullsNotDistinct, Deferral deferral) {

    public enum Kind { PRIMARY_KEY, UNIQUE }

    public Constraint {
        columns = List.copyOf(columns);
        deferral = deferral == null ? Deferral.NOT_DEFERRABLE : deferral;
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(kind + " needs at least one column");
        }
        if (nullsNotDistinct && kind != Kind.UNIQUE) {
            throw new IllegalArgumentException("Only a unique constraint can be NULLS NOT DISTINCT");
        }
    }

    public Constraint(Kind kind, Optional<String> name, List<String> columns, boolean nullsNotDistinct) {
        this(kind, name, columns, nullsNotDistinct, Deferral.NOT_DEFERRABLE);
    }

    public Constraint(Kind kind, Optional<String> name, List<String> columns) {
        this(kind, name, columns, false);
    }
}
