package dev.sleet.sql;

/** The options of a nested level: {@code with("tasks", tasks -> tasks.where(...).limit(3))}. */
public final class NestedLevel extends Level<NestedLevel> {

    NestedLevel() {
    }
}
