package dev.sleet.kit.snapshot;

/**
 * An object that lives in a schema under a name of its own, besides tables: an enum type, a
 * sequence, a view. Renames treat them alike.
 *
 * @param <SELF> the object's own type, which {@link #movedTo} returns
 */
public interface SchemaObjectSnapshot<SELF extends SchemaObjectSnapshot<SELF>> {

    String schema();

    String name();

    /** {@code schema.name}, as snapshots key the object. */
    String key();

    /** The same object under another schema and name, everything else kept. */
    SELF movedTo(String schema, String name);
}
