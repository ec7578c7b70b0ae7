package dev.sleet.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A statement rendered once ({@link Query#prepare()}) and run many times with values for its named
 * {@link Sql#placeholder}s: {@code byId.fetchValues(Map.of("id", 7))}. The SQL text is kept, so a run
 * only binds; the driver reuses its server-side prepared statement for the same text. Immutable and
 * thread-safe, unlike the builder it came from.
 */
public final class Prepared<T> {

    private final Session session;
    private final Statement statement;
    private final Selection selection;
    /** The slots of the bound values that placeholders fill, and each slot's name. */
    private final int[] slots;
    private final String[] names;
    /** How many different names there are (a placeholder may appear more than once). */
    private final int distinctNames;

    Prepared(Session session, Statement statement, Selection selection) {
        this.session = session;
        this.statement = statement;
        this.selection = selection;
        List<Integer> slots = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < statement.count(); i++) {
            if (statement.values()[i] instanceof Placeholder<?> placeholder) {
                slots.add(i);
                names.add(placeholder.name());
            }
        }
        this.slots = slots.stream().mapToInt(Integer::intValue).toArray();
        this.names = names.toArray(new String[0]);
        this.distinctNames = names().size();
    }

    /** The SQL sent on every run. */
    public String sql() {
        return statement.sql();
    }

    /** The placeholder names, in the order they appear. */
    public Set<String> names() {
        return new LinkedHashSet<>(Arrays.asList(names));
    }

    public int execute(Map<String, ?> values) {
        return session.update(bound(values));
    }

    /** One run per map, as one JDBC batch (one round trip); the rows each run touched. */
    public int[] executeBatch(List<? extends Map<String, ?>> runs) {
        List<Statement> statements = new ArrayList<>(runs.size());
        for (Map<String, ?> values : runs) {
            statements.add(bound(values));
        }
        return session.runBatch(statements);
    }

    public List<Row> fetch(Map<String, ?> values) {
        return session.query(bound(values), rows(Query.rowReader(selection())));
    }

    public <R> List<R> fetch(Class<R> type, Map<String, ?> values) {
        return session.query(bound(values), rows(RecordMapping.plan(selection(), type)));
    }

    @SuppressWarnings("unchecked")
    public List<T> fetchValues(Map<String, ?> values) {
        var binder = selection().binders[0];
        return session.query(bound(values), rows(result -> (T) binder.get(result, 1)));
    }

    private static <R> Session.ResultHandler<List<R>> rows(RowReader<R> reader) {
        return result -> {
            List<R> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(reader.read(result));
            }
            return rows;
        };
    }

    /** The statement's values with each placeholder's slot filled; fails naming a missing or unknown name. */
    Statement bound(Map<String, ?> values) {
        Object[] filled = statement.values().clone();
        for (int i = 0; i < slots.length; i++) {
            Object value = values.get(names[i]);
            if (value == null && !values.containsKey(names[i])) {
                throw new IllegalArgumentException("No value for placeholder '" + names[i] + "' (the statement has " + names() + ")");
            }
            filled[slots[i]] = value;
        }
        // Every name was found, so a map of the same size holds no other key: no walk over it on each run.
        if (values.size() != distinctNames) {
            Set<String> known = names();
            for (String name : values.keySet()) {
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("The statement has no placeholder '" + name + "' (it has " + known + ")");
                }
            }
        }
        return new Statement(statement.sql(), filled, statement.binders(), statement.count());
    }

    private Selection selection() {
        if (selection == null) {
            throw new IllegalStateException("This statement returns no rows; add .returning(...) to fetch: " + sql());
        }
        return selection;
    }
}
