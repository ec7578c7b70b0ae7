package dev.sleet.kit.postgres;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.snapshot.ForeignServerSnapshot;
import dev.sleet.kit.snapshot.ForeignTableSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static dev.sleet.kit.postgres.PostgresNames.quote;
import static dev.sleet.kit.postgres.PostgresNames.stringLiteral;

/** DDL for foreign servers and foreign tables; names always quoted, option values as string literals. */
final class PostgresForeignDdl {

    private PostgresForeignDdl() {}

    /** The statements for {@code change}, or null when it is not about a foreign server or table. */
    static List<String> sql(Change change) {
        if (change instanceof Change.CreateForeignServer c) {
            ForeignServerSnapshot s = c.server();
            return List.of("CREATE SERVER " + quote(s.name()) + (s.type() == null ? "" : " TYPE " + stringLiteral(s.type()))
                    + (s.version() == null ? "" : " VERSION " + stringLiteral(s.version())) + " FOREIGN DATA WRAPPER "
                    + quote(s.wrapper()) + options(s.options()) + ";");
        }
        if (change instanceof Change.AlterForeignServer c) {
            List<String> statements = new ArrayList<>();
            String server = "ALTER SERVER " + quote(c.to().name());
            if (!Objects.equals(c.from().version(), c.to().version())) {
                statements.add(server + " VERSION " + (c.to().version() == null ? "NULL" : stringLiteral(c.to().version())) + ";");
            }
            String changed = optionChanges(c.from().options(), c.to().options());
            if (!changed.isEmpty()) {
                statements.add(server + changed + ";");
            }
            return statements;
        }
        if (change instanceof Change.DropForeignServer c) {
            return List.of("DROP SERVER " + quote(c.server().name()) + ";");
        }
        if (change instanceof Change.CreateForeignTable c) {
            return createTable(c.table());
        }
        if (change instanceof Change.AlterForeignTable c) {
            return alterTable(c.from(), c.to());
        }
        if (change instanceof Change.DropForeignTable c) {
            return List.of("DROP FOREIGN TABLE " + name(c.table()) + ";");
        }
        return null;
    }

    private static String name(ForeignTableSnapshot t) {
        return quote(t.schema()) + "." + quote(t.name());
    }

    private static List<String> createTable(ForeignTableSnapshot t) {
        List<String> columns = new ArrayList<>();
        for (ForeignTableSnapshot.Column c : t.columns()) {
            columns.add(quote(c.name()) + " " + c.type() + options(c.options())
                    + (c.collation() == null ? "" : " COLLATE " + c.collation()) + (c.notNull() ? " NOT NULL" : "")
                    + (c.defaultValue() == null ? "" : " DEFAULT " + c.defaultValue()));
        }
        List<String> statements = new ArrayList<>();
        statements.add("CREATE FOREIGN TABLE " + name(t) + " (" + String.join(", ", columns) + ") SERVER " + quote(t.server())
                + options(t.options()) + ";");
        if (t.comment() != null) {
            statements.add(comment(t, null, t.comment()));
        }
        t.columns().stream().filter(c -> c.comment() != null).forEach(c -> statements.add(comment(t, c.name(), c.comment())));
        return statements;
    }

    /** Options and comments (the only differences {@code ForeignTableSnapshot.sameShapeAs} allows). */
    private static List<String> alterTable(ForeignTableSnapshot from, ForeignTableSnapshot to) {
        List<String> statements = new ArrayList<>();
        String table = "ALTER FOREIGN TABLE " + name(to);
        String changed = optionChanges(from.options(), to.options());
        if (!changed.isEmpty()) {
            statements.add(table + changed + ";");
        }
        for (int i = 0; i < to.columns().size(); i++) {
            ForeignTableSnapshot.Column before = from.columns().get(i);
            ForeignTableSnapshot.Column after = to.columns().get(i);
            String column = optionChanges(before.options(), after.options());
            if (!column.isEmpty()) {
                statements.add(table + " ALTER COLUMN " + quote(after.name()) + column + ";");
            }
            if (!Objects.equals(before.comment(), after.comment())) {
                statements.add(comment(to, after.name(), after.comment()));
            }
        }
        if (!Objects.equals(from.comment(), to.comment())) {
            statements.add(comment(to, null, to.comment()));
        }
        return statements;
    }

    private static String comment(ForeignTableSnapshot t, String column, String text) {
        return "COMMENT ON " + (column == null ? "FOREIGN TABLE " + name(t) : "COLUMN " + name(t) + "." + quote(column)) + " IS "
                + (text == null ? "NULL" : stringLiteral(text)) + ";";
    }

    /** {@code OPTIONS (name 'value', ...)} in order, or nothing. */
    private static String options(Map<String, String> options) {
        if (options.isEmpty()) {
            return "";
        }
        List<String> each = new ArrayList<>();
        options.forEach((name, value) -> each.add(quote(name) + " " + stringLiteral(value)));
        return " OPTIONS (" + String.join(", ", each) + ")";
    }

    /**
     * {@code OPTIONS (DROP a, SET b 'x', ADD c 'y')} turning {@code from} into {@code to}, or nothing
     * when they are equal. The catalog keeps options in order (kept ones in place, added ones at the
     * end), which pg_dump prints: where that order would not be {@code to}'s, every option is dropped
     * and added again in {@code to}'s order, in the same statement.
     */
    private static String optionChanges(Map<String, String> from, Map<String, String> to) {
        if (from.equals(to) && List.copyOf(from.keySet()).equals(List.copyOf(to.keySet()))) {
            return "";
        }
        List<String> inPlace = new ArrayList<>(from.keySet().stream().filter(to::containsKey).toList());
        to.keySet().stream().filter(name -> !from.containsKey(name)).forEach(inPlace::add);
        List<String> each = new ArrayList<>();
        if (!inPlace.equals(List.copyOf(to.keySet()))) {
            from.keySet().forEach(name -> each.add("DROP " + quote(name)));
            to.forEach((name, value) -> each.add("ADD " + quote(name) + " " + stringLiteral(value)));
            return " OPTIONS (" + String.join(", ", each) + ")";
        }
        from.keySet().stream().filter(name -> !to.containsKey(name)).forEach(name -> each.add("DROP " + quote(name)));
        to.forEach((name, value) -> {
            if (!from.containsKey(name)) {
                each.add("ADD " + quote(name) + " " + stringLiteral(value));
            } else if (!from.get(name).equals(value)) {
                each.add("SET " + quote(name) + " " + stringLiteral(value));
            }
        });
        return each.isEmpty() ? "" : " OPTIONS (" + String.join(", ", each) + ")";
    }
}
