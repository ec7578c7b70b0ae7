package dev.sleet.kit.postgres;

import dev.sleet.kit.dialect.ExpressionForm;
import dev.sleet.kit.dialect.ExpressionForm.Check;
import dev.sleet.kit.dialect.ExpressionForm.Default;
import dev.sleet.kit.dialect.ExpressionForm.Domain;
import dev.sleet.kit.dialect.ExpressionForm.Generated;
import dev.sleet.kit.dialect.ExpressionForm.Index;
import dev.sleet.kit.dialect.ExpressionForm.Policy;
import dev.sleet.kit.dialect.ExpressionForm.Printable;
import dev.sleet.kit.dialect.ExpressionForm.View;
import dev.sleet.kit.dialect.ExpressionForm.ViewDefaults;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.snapshot.CheckSnapshot;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.DomainSnapshot;
import dev.sleet.kit.snapshot.IndexKeySnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.PolicySnapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.ViewColumnSnapshot;
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
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * PostgreSQL's printer for {@link ExpressionForm}: each expression is applied as Sleet writes it
 * (the same DDL, through {@link PostgresDialect#sql}) to a scratch copy in {@code pg_temp} — a
 * temporary table with the columns of the table it belongs to, carrying the check, the default or
 * generated column, the index or the policy; a temporary view for a view's definition or for its
 * column defaults (set on it as on the view), a domain in {@code pg_temp} for a domain — and read
 * back as the introspector reads it, in the introspector's session settings. Nothing is kept: each
 * batch runs in a transaction that is rolled back.
 *
 * <p>Cost: one temporary table per set of columns with expressions to print (never one per
 * expression; tables with the same columns share one), its checks, defaults and generated columns
 * in its one {@code CREATE TABLE}, all of a batch created in one round trip and read back with one
 * query. Batches are cut at
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

    /** Items on one scratch table at most: a table holds at most 1,600 columns, and defaults are columns. */
    static final int ITEMS_PER_TABLE = 200;

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
            SELECT c.relname, pg_get_viewdef(c.oid), NULL,
                   ARRAY(SELECT v.x FROM pg_attrdef ad JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum,
                                unnest(ARRAY[a.attname::text, pg_get_expr(ad.adbin, ad.adrelid)]) WITH ORDINALITY v(x, n)
                          WHERE ad.adrelid = c.oid ORDER BY a.attname, v.n)
              FROM pg_class c
             WHERE c.relnamespace = pg_my_temp_schema() AND c.relkind = 'v' AND starts_with(c.relname, '$P')
            UNION ALL
            SELECT ty.typname, pg_get_expr(ty.typdefaultbin, 0), NULL,
                   ARRAY(SELECT v.x FROM pg_constraint con,
                                unnest(ARRAY[con.conname::text, pg_get_expr(con.conbin, 0)]) WITH ORDINALITY v(x, n)
                          WHERE con.contypid = ty.oid AND con.contype = 'c' ORDER BY con.conname, v.n)
              FROM pg_type ty
             WHERE ty.typnamespace = pg_my_temp_schema() AND ty.typtype = 'd' AND starts_with(ty.typname, '$P')
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
        // Expressions see only a table's columns, so tables with the same columns (the live and the
        // expected side of one table, most often) share a scratch table; a view is one of its own.
        Map<String, List<Printable>> bySignature = new HashMap<>();
        Map<TableSnapshot, String> signatures = new IdentityHashMap<>();
        List<List<Printable>> groups = new ArrayList<>();
        for (Printable item : items) {
            if (item.table() == null) {
                groups.add(List.of(item));
                continue;
            }
            String signature = signatures.computeIfAbsent(item.table(), PostgresExpressions::signature);
            List<Printable> group = bySignature.get(signature);
            if (group == null || group.size() >= ITEMS_PER_TABLE) {
                group = new ArrayList<>();
                groups.add(group);
                bySignature.put(signature, group);
            }
            group.add(item);
        }
        Map<Printable, Printable> printed = new IdentityHashMap<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (int from = 0; from < groups.size() && refused == null; from += TABLES_PER_TRANSACTION) {
                printed.putAll(batch(groups.subList(from, Math.min(groups.size(), from + TABLES_PER_TRANSACTION))));
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
        return printed;
    }

    /** The columns' names and types: what decides how an expression over them prints. */
    private static String signature(TableSnapshot table) {
        StringBuilder signature = new StringBuilder();
        for (ColumnSnapshot c : table.columns().values()) {
            signature.append(c.name()).append('\u0000').append(c.type()).append('\u0000').append(c.typeSchema()).append('\u0000')
                    .append(c.collation()).append('\u0000').append(c.collationSchema()).append('\u0000');
        }
        return signature.toString();
    }

    /**
     * One scratch object, made alone by {@code alone}: the scratch table (no item) or what prints one
     * item, named {@code name}.
     */
    private record Scratch(String name, Printable item, String alone) {}

    /** A scratch table (or view) with everything on it: the statements that make it all at once, and its parts one by one. */
    private record Group(List<String> together, List<Scratch> parts) {}

    /** One transaction: the groups' scratch objects, made together (one at a time where that fails), read back, rolled back. */
    private Map<Printable, Printable> batch(List<List<Printable>> items) throws SQLException {
        List<Group> groups = items.stream().map(this::group).toList();
        try (Statement st = connection.createStatement()) {
            st.execute(SETTINGS);
            st.execute("SAVEPOINT sleet_batch");
            if (!created(st, groups.stream().flatMap(g -> g.together().stream()).toList())) {
                st.execute("ROLLBACK TO SAVEPOINT sleet_batch");
                for (Group group : groups) {
                    for (Scratch part : group.parts()) {
                        st.execute("SAVEPOINT sleet_one");
                        boolean made = created(st, List.of(part.alone()));
                        st.execute(made ? "RELEASE SAVEPOINT sleet_one" : "ROLLBACK TO SAVEPOINT sleet_one");
                        if (!made && part.item() == null) {
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
            for (Group group : groups) {
                for (Scratch part : group.parts()) {
                    Row row = part.item() == null ? null : rows.get(part.name());
                    if (row != null) {
                        printed.put(part.item(), read(part.item(), row));
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

    /**
     * The scratch objects for items over one set of columns (or for one view), each named with
     * {@link #PREFIX}: a table with those columns as plain columns, and on it, in the one
     * {@code CREATE TABLE}, a column per default or generated expression and the checks; then the
     * indexes and policies. Each part is also written alone, for when the whole is refused.
     */
    private Group group(List<Printable> items) {
        if (items.get(0).table() == null) {
            String name = PREFIX + (++names);
            String sql = sql(standalone(items.get(0), name));
            return new Group(List.of(sql), List.of(new Scratch(name, items.get(0), sql)));
        }
        String table = PREFIX + "t" + (++names);
        Map<String, ColumnSnapshot> columns = new LinkedHashMap<>();
        // Plain columns of the same types: what expressions see of them.
        items.get(0).table().columns().values().forEach(c -> columns.put(c.name(), new ColumnSnapshot(c.name(), c.type(), false,
                false, null, c.typeSchema(), null, null, null, c.collation(), c.collationSchema())));
        List<Scratch> parts = new ArrayList<>();
        parts.add(new Scratch(table, null, sql(new Change.CreateTable(new TableSnapshot("pg_temp", table, columns, null, null,
                null, null)))));
        Map<String, ColumnSnapshot> withItems = new LinkedHashMap<>(columns);
        SortedMap<String, CheckSnapshot> checks = new TreeMap<>();
        List<String> after = new ArrayList<>();
        for (Printable item : items) {
            String name = PREFIX + (++names);
            Change change = change(item, name, table);
            parts.add(new Scratch(name, item, sql(change)));
            if (change instanceof Change.AddColumn c) {
                withItems.put(name, c.column());
            } else if (change instanceof Change.AddCheck c) {
                checks.put(name, c.check());
            } else {
                after.add(sql(change));
            }
        }
        List<String> together = new ArrayList<>();
        together.add(sql(new Change.CreateTable(new TableSnapshot("pg_temp", table, withItems, null, null, null, null, checks, null,
                null, false, false))));
        together.addAll(after);
        return new Group(together, parts);
    }

    /** The change Sleet would write for the item, on the scratch table under the scratch name. */
    private static Change change(Printable item, String name, String table) {
        if (item instanceof Check c) {
            return new Change.AddCheck("pg_temp", table, new CheckSnapshot(name, c.expression()));
        }
        if (item instanceof Default d) {
            return new Change.AddColumn("pg_temp", table, new ColumnSnapshot(name, d.column().type(), false, false, d.expression(),
                    d.column().typeSchema(), null, null, null, d.column().collation(), d.column().collationSchema()));
        }
        if (item instanceof Generated g) {
            return new Change.AddColumn("pg_temp", table, new ColumnSnapshot(name, g.column().type(), false, false, null,
                    g.column().typeSchema(), null, g.expression(), null, g.column().collation(), g.column().collationSchema()));
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
        if (item instanceof Domain d) {
            DomainSnapshot x = d.domain();
            return new Change.CreateDomain(new DomainSnapshot("pg_temp", name, x.baseType(), x.baseTypeSchema(), false,
                    x.defaultValue(), x.checks(), x.collation(), x.collationSchema()));
        }
        ViewSnapshot v = ((View) item).view();
        return scratchView(v, name);
    }

    /** The changes that make an item on no table (a view, its column defaults, a domain) under the scratch name. */
    private static List<Change> standalone(Printable item, String name) {
        if (!(item instanceof ViewDefaults d)) {
            return List.of(change(item, name, null));
        }
        // A default is printed as the column's type reads it: on a scratch copy of the view, as the view's own is.
        List<Change> changes = new ArrayList<>();
        changes.add(scratchView(d.view(), name));
        d.view().columns().forEach((column, carried) -> {
            if (carried.defaultValue() != null) {
                changes.add(new Change.SetViewColumnDefault("pg_temp", name, column, carried.defaultValue()));
            }
        });
        return changes;
    }

    private static Change scratchView(ViewSnapshot v, String name) {
        // A plain view prints its query as a materialized one does, and only a plain one can be temporary.
        return new Change.CreateView(new ViewSnapshot("pg_temp", name, v.definition(), false, null, false, null));
    }

    private static String sql(Change change) {
        return sql(List.of(change));
    }

    private static String sql(List<Change> changes) {
        return String.join("\n", PostgresDialect.INSTANCE.sql(changes));
    }

    /** What was read back of a scratch object: its first and second expression, and an index's keys or a domain's checks (name, expression, ...). */
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
        if (item instanceof Domain d) {
            // The checks come back as name, expression, name, expression...
            DomainSnapshot x = d.domain();
            SortedMap<String, String> checks = new TreeMap<>();
            List<String> pairs = row.keys() == null ? List.of() : row.keys();
            for (int i = 0; i + 1 < pairs.size(); i += 2) {
                checks.put(pairs.get(i), pairs.get(i + 1));
            }
            return new Domain(new DomainSnapshot(x.schema(), x.name(), x.baseType(), x.baseTypeSchema(), x.notNull(), row.first(),
                    checks, x.collation(), x.collationSchema()));
        }
        if (item instanceof ViewDefaults d) {
            // The defaults come back as column, expression, column, expression...
            SortedMap<String, ViewColumnSnapshot> columns = new TreeMap<>(d.view().columns());
            List<String> pairs = row.keys() == null ? List.of() : row.keys();
            for (int i = 0; i + 1 < pairs.size(); i += 2) {
                String column = pairs.get(i);
                String printed = pairs.get(i + 1);
                columns.computeIfPresent(column, (k, c) -> new ViewColumnSnapshot(column, printed, c.comment()));
            }
            return new ViewDefaults(d.view().withColumns(columns));
        }
        ViewSnapshot v = ((View) item).view();
        return new View(new ViewSnapshot(v.schema(), v.name(), row.first(), v.materialized(), v.with(), v.withNoData(), v.comment()));
    }

    /** A text array's elements, nulls kept; null for no array. */
    private static List<String> strings(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }
}
