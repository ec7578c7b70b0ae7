package dev.sleet.sql;

/** Something {@code orderBy} accepts: an expression (ascending) or {@link Sql#asc}/{@link Sql#desc} of one. */
public interface OrderField {
}
