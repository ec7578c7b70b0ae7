package dev.sleet.kit.postgres;

import dev.sleet.kit.dialect.ExpressionForm;
import dev.sleet.kit.dialect.ExpressionForm.Check;
import dev.sleet.kit.dialect.ExpressionForm.Default;
import dev.sleet.kit.dialect.ExpressionForm.Generated;
import dev.sleet.kit.dialect.ExpressionForm.Index;
import dev.sleet.kit.dialect.ExpressionForm.Policy;
import dev.sleet.kit.dialect.ExpressionForm.Printable;
import dev.sleet.kit.dialect.ExpressionForm.View;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.snapshot.CheckSnapshot;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.IndexKeySnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.PolicySnapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's printer for {@link ExpressionForm}: each expression is applied as Sleet writes it
 * (the same DDL, through {@link PostgresDialect#sql}) to a scratch copy in {@code pg_temp} — a
 * temporary table with the columns of the table it belongs to, carrying the check, the default or
 * generated column, the index or the policy; a temporary view for a view — and read back as the
 * introspector reads it, in the introspector's session settings. Nothing is kept: each batch runs
 * in a transaction that is rolled back.
 *
 * <p>Cost: one temporary table per table with expressions to print (never one per expression), all
 * of a batch created in one round trip and read back with one query. Batches are cut at
 * {@link #TABLES_PER_TRANSACTION} tables, because each scratch object holds locks until its
 * transaction ends and PostgreSQL's lock table is shared and small. An object the database refuses
 * (it names a column or function the database lacks) is retried alone under a savepoint, so it
 * costs only itself.
 */
final class PostgresExpressions implements ExpressionForm.Printer {

    /**
     * The session settings under which the catalog prints: values in fixed styles, names relative to
     * {@code public}. Introspection reads under the same ones, for the transaction only.
     */
    static final String SETTINGS = "SELECT set_config('TimeZone', 'UTC', true), set_config('search_path', 'public', true),"
            + " set_config('DateStyle', 'ISO, MDY', true), set_config('IntervalStyle', 'postgres', true),"
            + " set_config('bytea_output', 'hex', true), set_config('extra_float_digits', '1', true),"
            // Catalog queries are short: compiling them (JIT) costs more than it saves.
            + " set_config('jit', 'off', true)";

    static final int TABLES_PER_TRANSACTION = 50;

    private static final String PREFIX = "__sleet_x";

    /** Every scratch object of this session, by name: checks, defaults and generated columns, indexes, policies, views. */
    private static final String READ_BACK = """
            SELECT con.conname, pg_get_expr(con.conbin, con.conrelid), NULL::text, NULL::text[]
              FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid
             WHERE t.relnamespace = pg_my_temp_schema() AND con.contype = 'c' AND starts_with(con.conname, '$P')
            UNION ALL
            SELECT a.attname, pg_get_expr(ad.adbin, ad.adrelid), NULL, NULL
              FROM pg_attrdef ad JOIN pg_class t ON t.oid = ad.adrelid
              JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
             WHERE t.relnamespace = pg_my_temp_schema() AND starts_with(a.attname, '$P')
            UNION ALL
            SELECT i.relname, pg_get_expr(ix.indpred, ix.indrelid), NULL,
                   ARRAY(SELECT CASE WHEN k.num = 0 THEN pg_get_indexdef(ix.indexrelid, k.ord::int, false) END
                           FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(num, ord)
                          WHERE k.ord <= ix.indnkeyatts ORDER BY k.ord)
              FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid
             WHERE i.relnamespace = pg_my_temp_schema() AND starts_with(i.relname, '$P')
            UNION ALL
            SELECT p.polname, pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid), NULL
              FROM pg_policy p JOIN pg_class t ON t.oid = p.polrelid
             WHERE t.relnamespace = pg_my_temp_schema() AND starts_with(p.polname, '$P')
            UNION ALL
            SELECT c.relname, pg_get_viewdef(c.oid), NULL, NULL
              FROM pg_class c
             WHERE c.relnamespace = pg_my_temp_schema() AND c.relkind = 'v' AND starts_with(c.relname, '$P')
            """.replace("$P", PREFIX);

    private final Connection connection;
    private int names;
    private String refused;

    PostgresExpressions(Connection connection) {
        this.connection = connection;
    }

    /** Why no scratch object could be made at all (no TEMP privilege, a read-only standby), or null. */
    String refused() {
        return refused;
    }

    @Override
    public Map<Printable, Printable> print(List<Printable> items) throws SQLException {
        // One scratch table per table the items belong to; views need none.
        Map<TableSnapshot, List<Printable>> byTable = new IdentityHashMap<>();
        List<List<Printable>> groups = new ArrayList<>();
        List<TableSnapshot> groupTables = new ArrayList<>();
        for (Printable item : items) {
            // A view is a scratch object of its own, as a table is.
            List<Printable> group = item.table() == null ? null : byTable.get(item.table());
            if (group == null) {
                group = new ArrayList<>();
                groups.add(group);
                groupTables.add(item.table());
                if (item.table() != null) {
                    byTable.put(item.table(), group);
                }
            }
            group.add(item);
        }
        Map<Printable, Printable> printed = new IdentityHashMap<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (int from = 0; from < groups.size() && refused == null; from += TABLES_PER_TRANSACTION) {
                int to = Math.min(groups.size(), from + TABLES_PER_TRANSACTION);
                printed.putAll(batch(groupTables.subList(from, to), groups.subList(from, to)));
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
        return printed;
    }

    /** A scratch object: the statements that make it, and the item it prints (null for a scratch table). */
    private record Scratch(String name, String sql, Printable item) {}

    /** One transaction: the groups' scratch objects, made together (one at a time where that fails), read back, rolled back. */
    private Map<Printable, Printable> batch(List<TableSnapshot> tables, List<List<Printable>> groups) throws SQLException {
        List<List<Scratch>> scratch = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            scratch.add(scratch(tables.get(g), groups.get(g)));
        }
        try (Statement st = connection.createStatement()) {
            st.execute(SETTINGS);
            st.execute("SAVEPOINT sleet_batch");
            if (!created(st, scratch.stream().flatMap(List::stream).map(Scratch::sql).toList())) {
                st.execute("ROLLBACK TO SAVEPOINT sleet_batch");
                for (List<Scratch> group : scratch) {
                    for (Scratch s : group) {
                        st.execute("SAVEPOINT sleet_one");
                        boolean made = created(st, List.of(s.sql()));
                        st.execute(made ? "RELEASE SAVEPOINT sleet_one" : "ROLLBACK TO SAVEPOINT sleet_one");
                        if (!made && s.item() == null) {
                            // Without its table, nothing of the group can be made.
                            break;
                        }
                    }
                }
            }
            Map<String, Row> rows = new HashMap<>();
            try (ResultSet rs = st.executeQuery(READ_BACK)) {
                while (rs.next()) {
                    rows.put(rs.getString(1), new Row(rs.getString(2), rs.getString(3), strings(rs.getArray(4))));
                }
            }
            Map<Printable, Printable> printed = new IdentityHashMap<>();
            for (List<Scratch> group : scratch) {
                for (Scratch s : group) {
                    Row row = s.item() == null ? null : rows.get(s.name());
                    if (row != null) {
                        printed.put(s.item(), read(s.item(), row));
                    }
                }
            }
            return printed;
        } finally {
            connection.rollback();
        }
    }

    /** Runs the statements in one round trip; false when PostgreSQL refuses one (the transaction then needs a rollback). */
    private boolean created(Statement st, List<String> statements) throws SQLException {
        if (statements.isEmpty()) {
            return true;
        }
        try {
            st.execute(String.join("\n", statements));
            return true;
        } catch (SQLException e) {
            if (refused == null && isRefusal(e)) {
                refused = e.getMessage();
            }
            return false;
        }
    }

    /** A refusal of every temporary object, not of one expression: no TEMP privilege (42501), a read-only transaction (25006). */
    private static boolean isRefusal(SQLException e) {
        String state = e.getSQLState();
        return "42501".equals(state) && e.getMessage() != null && e.getMessage().contains("temporary")
                || "25006".equals(state);
    }

    /** The scratch table (for table items) and one scratch object per item, each named with {@link #PREFIX}. */
    private List<Scratch> scratch(TableSnapshot table, List<Printable> items) {
        List<Scratch> all = new ArrayList<>();
        String scratchTable = PREFIX + "t" + (++names);
        if (table != null) {
            Map<String, ColumnSnapshot> columns = new LinkedHashMap<>();
            // Plain columns of the same types: what expressions see of them.
            table.columns().values().forEach(c -> columns.put(c.name(), new ColumnSnapshot(c.name(), c.type(), false, false, null,
                    c.typeSchema())));
            all.add(new Scratch(scratchTable, sql(new Change.CreateTable(new TableSnapshot("pg_temp", scratchTable, columns, null,
                    null, null, null))), null));
        }
        for (Printable item : items) {
            String name = PREFIX + (++names);
            all.add(new Scratch(name, sql(change(item, name, scratchTable)), item));
        }
        return all;
    }

    /** The change Sleet would write for the item, on the scratch table under the scratch name. */
    private static Change change(Printable item, String name, String table) {
        if (item instanceof Check c) {
            return new Change.AddCheck("pg_temp", table, new CheckSnapshot(name, c.expression()));
        }
        if (item instanceof Default d) {
            return new Change.AddColumn("pg_temp", table, new ColumnSnapshot(name, d.column().type(), false, false, d.expression(),
                    d.column().typeSchema()));
        }
        if (item instanceof Generated g) {
            return new Change.AddColumn("pg_temp", table, new ColumnSnapshot(name, g.column().type(), false, false, null,
                    g.column().typeSchema(), null, g.expression(), null));
        }
        if (item instanceof Index i) {
            IndexSnapshot x = i.index();
            return new Change.CreateIndex("pg_temp", table, new IndexSnapshot(name, x.columns(), x.unique(), x.method(), x.keys(),
                    x.where(), x.with(), x.nullsNotDistinct(), false));
        }
        if (item instanceof Policy p) {
            PolicySnapshot x = p.policy();
            return new Change.CreatePolicy("pg_temp", table, new PolicySnapshot(name, x.as(), x.command(),
                    List.of(PolicySnapshot.PUBLIC), x.using(), x.withCheck()));
        }
        ViewSnapshot v = ((View) item).view();
        // A plain view prints its query as a materialized one does, and only a plain one can be temporary.
        return new Change.CreateView(new ViewSnapshot("pg_temp", name, v.definition(), false, null, false, null));
    }

    private static String sql(Change change) {
        return String.join("\n", PostgresDialect.INSTANCE.sql(List.of(change)));
    }

    /** What was read back of a scratch object: its first and second expression, and an index's keys (null for a column). */
    private record Row(String first, String second, List<String> keys) {}

    /** The item with its expressions as read back. */
    private static Printable read(Printable item, Row row) {
        if (item instanceof Check c) {
            return new Check(c.table(), c.name(), row.first());
        }
        if (item instanceof Default d) {
            return new Default(d.table(), d.column(), row.first());
        }
        if (item instanceof Generated g) {
            return new Generated(g.table(), g.column(), row.first());
        }
        if (item instanceof Index i) {
            IndexSnapshot x = i.index();
            List<String> printed = row.keys() == null ? List.of() : row.keys();
            List<IndexKeySnapshot> keys = new ArrayList<>();
            List<IndexKeySnapshot> own = x.allKeys();
            for (int k = 0; k < own.size(); k++) {
                IndexKeySnapshot key = own.get(k);
                keys.add(key.expression() == null || k >= printed.size() ? key
                        : new IndexKeySnapshot(null, printed.get(k), key.opclass(), key.descending(), key.nulls()));
            }
            return new Index(i.table(), new IndexSnapshot(x.name(), List.of(), x.unique(), x.method(), keys, row.first(), x.with(),
                    x.nullsNotDistinct(), x.concurrently()));
        }
        if (item instanceof Policy p) {
            PolicySnapshot x = p.policy();
            return new Policy(p.table(), new PolicySnapshot(x.name(), x.as(), x.command(), x.to(), row.first(), row.second()));
        }
        ViewSnapshot v = ((View) item).view();
        return new View(new ViewSnapshot(v.schema(), v.name(), row.first(), v.materialized(), v.with(), v.withNoData(), v.comment()));
    }

    /** A text array's elements, nulls kept; null for no array. */
    private static List<String> strings(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }
}
