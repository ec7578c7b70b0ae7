package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/**
 * What a view's column carries of its own: a default ({@code ALTER VIEW ... ALTER COLUMN ... SET
 * DEFAULT}, used by inserts through the view; only a plain view has one) in the form PostgreSQL's
 * {@code pg_get_expr} prints, as a table column's is, and a {@code COMMENT ON COLUMN}. The rest of
 * a view's columns follows from its definition, so a view lists only the columns that carry one
 * of these.
 */
public record ViewColumnSnapshot(String name,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String defaultValue,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String comment) {

    public ViewColumnSnapshot {
        Objects.requireNonNull(name);
        // COMMENT ON ... IS '' removes a comment: the catalog never holds an empty one.
        comment = comment == null || comment.isEmpty() ? null : comment;
    }

    /** Whether the column carries nothing, and so is not listed. */
    @JsonIgnore
    public boolean isEmpty() {
        return defaultValue == null && comment == null;
    }
}
