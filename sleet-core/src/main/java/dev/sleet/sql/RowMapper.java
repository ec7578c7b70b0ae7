package dev.sleet.sql;

/** Turns a {@link Row} into an application object: {@code row -> new Task(row.get(TASKS.id), row.get(TASKS.name))}. */
@FunctionalInterface
public interface RowMapper<R> {

    R map(Row row);
}
