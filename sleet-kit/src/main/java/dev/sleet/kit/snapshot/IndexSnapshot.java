package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * An index that is not the backing index of a primary key or unique constraint.
 *
 * <p>An index whose keys are all plain ascending columns lists them in {@code columns} (the form
 * of the first release); any other index lists every key in {@code keys} and leaves
 * {@code columns} empty. The constructor brings both spellings to that one form.
 * {@code where} is the predicate of a partial index and {@code with} its storage parameters, in
 * the catalog's spelling. {@code concurrently} says how code wants the index built; it is not part
 * of what the index is, so it is left out of comparisons ({@link #sameIndexAs}) and introspection
 * never sets it.
 */
public record IndexSnapshot(String name, List<String> columns, boolean unique, String method,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<IndexKeySnapshot> keys,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String where,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, String> with,
                            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean nullsNotDistinct,
                            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean concurrently) {

    public IndexSnapshot {
        columns = columns == null ? List.of() : List.copyOf(columns);
        keys = keys == null ? List.of() : List.copyOf(keys);
        with = new TreeMap<>(with == null ? Map.of() : with);
        if (!keys.isEmpty()) {
            if (keys.stream().allMatch(IndexKeySnapshot::isPlainColumn)) {
                columns = keys.stream().map(IndexKeySnapshot::column).toList();
                keys = List.of();
            } else {
                columns = List.of();
            }
        }
    }

    /** An index over plain columns. */
    public IndexSnapshot(String name, List<String> columns, boolean unique, String method) {
        this(name, columns, unique, method, null, null, null, false, false);
    }

    /** Every key, plain columns included. */
    @JsonIgnore
    public List<IndexKeySnapshot> allKeys() {
        return keys.isEmpty() ? columns.stream().map(IndexKeySnapshot::column).toList() : keys;
    }

    /** The same index with every column name mapped (a column was renamed). */
    public IndexSnapshot withRenamedColumns(UnaryOperator<String> rename) {
        List<IndexKeySnapshot> renamed = new ArrayList<>();
        for (IndexKeySnapshot key : allKeys()) {
            renamed.add(key.column() == null ? key : key.withColumn(rename.apply(key.column())));
        }
        return new IndexSnapshot(name, List.of(), unique, method, renamed, where, with, nullsNotDistinct, concurrently);
    }

    /** The same index under another name. */
    public IndexSnapshot withName(String newName) {
        return new IndexSnapshot(newName, columns, unique, method, keys, where, with, nullsNotDistinct, concurrently);
    }

    /** The same index, built (or not) concurrently. */
    public IndexSnapshot withConcurrently(boolean value) {
        return new IndexSnapshot(name, columns, unique, method, keys, where, with, nullsNotDistinct, value);
    }

    /** True when both describe the same index, however each is built. */
    public boolean sameIndexAs(IndexSnapshot other) {
        return other != null && withConcurrently(false).equals(other.withConcurrently(false));
    }

    @JsonIgnore
    public String methodOrDefault() {
        return Objects.requireNonNullElse(method, "btree");
    }
}
