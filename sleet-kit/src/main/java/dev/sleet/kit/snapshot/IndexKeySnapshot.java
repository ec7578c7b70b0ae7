package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One key of an index that is not a plain ascending column: a {@code column} or an
 * {@code expression} (as {@code pg_get_indexdef} prints it), a non-default operator class,
 * {@code descending}, and {@code nulls} ({@code first} or {@code last}) only where it is not the
 * default for the direction (last ascending, first descending), and {@code collation} where it is not
 * the column's (or expression's) own, with {@code collationSchema} for one outside {@code pg_catalog}.
 */
public record IndexKeySnapshot(@JsonInclude(JsonInclude.Include.NON_NULL) String column,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String expression,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String opclass,
                               @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean descending,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String nulls,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String collation,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String collationSchema) {

    public static final String FIRST = "first";
    public static final String LAST = "last";

    public IndexKeySnapshot {
        if ((column == null) == (expression == null)) {
            throw new IllegalArgumentException("An index key is a column or an expression");
        }
        if (descending && FIRST.equals(nulls) || !descending && LAST.equals(nulls)) {
            nulls = null;
        }
    }

    /** A key without a collation of its own. */
    public IndexKeySnapshot(String column, String expression, String opclass, boolean descending, String nulls) {
        this(column, expression, opclass, descending, nulls, null, null);
    }

    public static IndexKeySnapshot column(String name) {
        return new IndexKeySnapshot(name, null, null, false, null);
    }

    /** A plain ascending column with the default operator class. */
    @JsonIgnore
    public boolean isPlainColumn() {
        return column != null && opclass == null && !descending && nulls == null && collation == null;
    }

    /** The same key over a renamed column. */
    public IndexKeySnapshot withColumn(String newColumn) {
        return new IndexKeySnapshot(newColumn, expression, opclass, descending, nulls, collation, collationSchema);
    }
}
