package dev.sleet.kit.property;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A random schema of the issue 11 objects, written as SQL as a person writes it: collations (used by
 * columns, domains and index keys), functions (sql and plpgsql, both body forms) called by domain
 * checks and defaults, table checks and defaults, index keys and triggers; domains over built-in
 * types, arrays, other domains and arrays of other domains, with defaults, NOT NULL and checks;
 * tables with deferrable unique keys, deferrable and NOT VALID foreign keys, NOT VALID checks, index
 * keys with expressions and COLLATE, partial indexes; triggers of every timing, level and event,
 * with WHEN, constraint triggers (deferrable, initially deferred), disabled or replica-only ones;
 * a procedure, an aggregate, and a function over a domain; casts from and to a domain (WITH INOUT,
 * WITH FUNCTION, every context); rules on tables (INSTEAD and ALSO, conditions, NOTIFY, writes to
 * another table; disabled, replica-only or always ones); a file_fdw server with foreign tables (column options, defaults, collations,
 * comments); a view with column defaults and a view that reads itself. Expressions take the shapes
 * people write: IN lists on varchar, casts, array literals, function calls, nested AND/OR/NOT.
 *
 * <p>{@code variant} 0 is the first state, 1 the second: both draw the same numbers in the same
 * order, so they have the same objects under the same names, and the second differs where
 * {@link #varying} or {@link #present} says (an expression, a default, validity, deferral, whether a
 * trigger or rule is enabled, an object that exists in one state only). What others use exists in both.
 */
final class ObjectsSql {

    private final Random random;
    private final int variant;
    private final Names names = new Names(1);
    private final Set<String> taken = new HashSet<>();
    private final List<String> sql = new ArrayList<>();
    /** Whether a draw since it was last cleared differs between the states (the same in both). */
    private boolean drawsDiffer;

    private final List<String> schemas = new ArrayList<>();
    private final List<String> collations = new ArrayList<>();
    /** Functions: boolean check over text, integer over integer (immutable), trigger. */
    private String textCheck;
    private String numeric;
    private final List<String> triggerFunctions = new ArrayList<>();
    private final List<Domain> domains = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();

    /** What an expression over a value may do with it. */
    private enum Kind { TEXT, VARCHAR, INTEGER, NUMERIC, TEXT_ARRAY, INTEGER_ARRAY }

    /** {@code steady}: its NOT NULL and checks, and those of the domains under it, are the same in both states. */
    private record Domain(String qualified, Kind kind, boolean overArray, boolean steady) {}

    private record Column(String name, Kind kind) {}

    private record Table(String qualified, String id, List<Column> columns) {}

    /** A rule, made in this state or not, whose enabled state is drawn after everything else. */
    private record Rule(String table, String name, boolean present) {}

    private ObjectsSql(long seed, int variant) {
        this.random = new Random(seed);
        this.variant = variant;
    }

    /** The statements of state {@code variant} (0 or 1) for {@code seed}. */
    static List<String> of(long seed, int variant) {
        ObjectsSql schema = new ObjectsSql(seed, variant);
        schema.build();
        return schema.sql;
    }

    private void build() {
        schemas.add("public");
        if (random.nextBoolean()) {
            String schema = name("s");
            schemas.add(schema);
            sql.add("CREATE SCHEMA " + Sql.ident(schema));
        }
        collations();
        functions();
        domains();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            table();
        }
        for (Table table : tables) {
            constraints(table);
            indexes(table);
            triggers(table);
        }
        spares();
        // Last, so that the objects above are drawn as they were for the seeds found before these were added.
        foreign();
        views();
        for (Rule rule : rules) {
            List<String> state = enabledState(rule.table, "RULE", rule.name);
            if (rule.present) {
                sql.addAll(state);
            }
        }
    }

    /**
     * The statement that sets a trigger's or rule's ({@code kind}) enabled state, now and then varying
     * between the states; none for the default, as PostgreSQL creates it.
     */
    private List<String> enabledState(String table, String kind, String name) {
        String state = varying(List.of("", "", "DISABLE", "ENABLE REPLICA", "ENABLE ALWAYS"));
        return state.isEmpty() ? List.of() : List.of("ALTER TABLE " + table + " " + state + " " + kind + " " + name);
    }

    // ---- drawing ------------------------------------------------------------------------------------

    /** An index in [0, n): the same in both states. */
    private int fixed(int n) {
        return random.nextInt(n);
    }

    /** An index in [0, n), which the second state changes now and then; three draws whatever the variant. */
    private int varying(int n) {
        int first = random.nextInt(n);
        int second = random.nextInt(n);
        boolean change = random.nextInt(4) == 0;
        drawsDiffer |= change && first != second;
        return variant == 1 && change ? second : first;
    }

    /** Whether an object exists in this state: mostly in both, now and then in one only. */
    private boolean present() {
        int draw = random.nextInt(8);
        drawsDiffer |= draw < 2;
        return variant == 0 ? draw != 0 : draw != 1;
    }

    private <T> T varying(List<T> options) {
        return options.get(varying(options.size()));
    }

    /** A name no other object has (one pool for all, so that no namespace is shared by accident), from Names' odd ones too. */
    private String name(String kind) {
        for (int i = 0; i < 50; i++) {
            String name = names.next(random, kind);
            // "public" is a schema already, and the pool's names are for schemas too.
            if (Names.bytes(name) <= 50 && !name.startsWith("_") && !name.equals("public") && taken.add(name)) {
                return name;
            }
        }
        String fallback = kind + "_" + taken.size();
        taken.add(fallback);
        return fallback;
    }

    private String qualified(String kind) {
        String schema = schemas.get(fixed(schemas.size()));
        return Sql.ident(schema) + "." + Sql.ident(name(kind));
    }

    // ---- objects ------------------------------------------------------------------------------------

    private void collations() {
        List<String> locales = List.of("(provider = icu, locale = 'und-u-ks-level2', deterministic = false)",
                "(provider = icu, locale = 'de-DE')", "(provider = libc, locale = 'C')", "(provider = icu, locale = 'sv')");
        int count = fixed(3);
        for (int i = 0; i < count; i++) {
            String collation = qualified("co");
            collations.add(collation);
            sql.add("CREATE COLLATION " + collation + " " + locales.get(fixed(locales.size())));
        }
        // One that nothing uses, which the second state may drop, add or make with another locale.
        String spare = qualified("co");
        String locale = varying(locales);
        if (present()) {
            sql.add("CREATE COLLATION " + spare + " " + locale);
        }
    }

    /** A collation for a text value: none, "C", or one of ours. */
    private String collate() {
        int draw = varying(2 + collations.size());
        return draw == 0 ? "" : draw == 1 ? " COLLATE \"C\"" : " COLLATE " + collations.get(draw - 2);
    }

    private void functions() {
        textCheck = qualified("f");
        int limit = 5 + varying(40);
        sql.add(switch (fixed(3)) {
            case 0 -> "CREATE FUNCTION " + textCheck + "(x text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT length(x) < "
                    + limit + " $$";
            case 1 -> "CREATE FUNCTION " + textCheck + "(x text) RETURNS boolean LANGUAGE sql IMMUTABLE RETURN length(x) < " + limit;
            default -> "CREATE FUNCTION " + textCheck + "(x text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $body$\nBEGIN\n"
                    + "  RETURN x IS NULL OR length(x) < " + limit + ";\nEND\n$body$";
        });
        numeric = qualified("f");
        int factor = 2 + varying(5);
        sql.add(fixed(2) == 0
                ? "CREATE FUNCTION " + numeric + "(n integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT n * " + factor + "'"
                : "CREATE FUNCTION " + numeric + "(n integer) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN n * " + factor);
        int count = 1 + fixed(2);
        for (int i = 0; i < count; i++) {
            String function = qualified("tf");
            triggerFunctions.add(function);
            String message = varying(List.of("changed", "it''s changed", "Ä"));
            sql.add("CREATE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
                    + "  RAISE DEBUG '" + message + " %', TG_ARGV;\n"
                    + "  IF TG_OP = 'DELETE' THEN\n    RETURN OLD;\n  END IF;\n  RETURN NEW;\nEND\n$$");
        }
    }

    private void domains() {
        int count = 1 + fixed(5);
        for (int i = 0; i < count; i++) {
            String domain = qualified("d");
            // A base type or collation that changes makes the domain anew (and the domains over it), its columns moved over.
            String varchar = varying(List.of("varchar(12)", "varchar(40)"));
            List<String> bases = new ArrayList<>(List.of("text", varchar, "integer", "numeric(8,2)", "text[]", "integer[]"));
            List<Kind> kinds = new ArrayList<>(List.of(Kind.TEXT, Kind.VARCHAR, Kind.INTEGER, Kind.NUMERIC, Kind.TEXT_ARRAY,
                    Kind.INTEGER_ARRAY));
            List<Domain> under = new ArrayList<>(Collections.nCopies(bases.size(), null));
            for (Domain base : domains) {
                bases.add(base.qualified);
                kinds.add(base.kind);
                under.add(base);
                // An array of a domain (which must exist first). PostgreSQL cannot add a check or NOT NULL to
                // a domain while an array of it (or of a domain over it) is another domain's base, so only
                // a domain whose constraints stay has its array used.
                if (!base.overArray && base.steady && base.kind.ordinal() <= Kind.INTEGER.ordinal()) {
                    bases.add(base.qualified + "[]");
                    kinds.add(base.kind == Kind.INTEGER ? Kind.INTEGER_ARRAY : Kind.TEXT_ARRAY);
                    under.add(base);
                }
            }
            int base = fixed(bases.size());
            Kind kind = kinds.get(base);
            boolean overArray = kind == Kind.TEXT_ARRAY || kind == Kind.INTEGER_ARRAY;
            StringBuilder text = new StringBuilder("CREATE DOMAIN " + domain + " AS " + bases.get(base));
            if ((kind == Kind.TEXT || kind == Kind.VARCHAR) && varying(3) == 0) {
                text.append(fixed(2) == 0 || collations.isEmpty() ? " COLLATE \"C\"" : " COLLATE " + collations.get(0));
            }
            String value = defaultValue(kind);
            if (value != null) {
                text.append(" DEFAULT ").append(value);
            }
            drawsDiffer = false;
            if (varying(3) == 0) {
                text.append(" NOT NULL");
            }
            int checks = fixed(3);
            for (int c = 0; c < checks; c++) {
                String check = Sql.ident(name("ck"));
                String expression = varying(expressions("VALUE", kind));
                if (present()) {
                    text.append(" CONSTRAINT ").append(check).append(" CHECK (").append(expression).append(")");
                }
            }
            sql.add(text.toString());
            boolean steady = !drawsDiffer && (under.get(base) == null || under.get(base).steady);
            domains.add(new Domain(domain, kind, overArray, steady));
        }
    }

    /** A default for a value of the kind, or none. */
    private String defaultValue(Kind kind) {
        List<String> values = switch (kind) {
            case TEXT, VARCHAR -> List.of("'it''s'", "upper('x')", "'x'::varchar", "('a' || 'b')", "''");
            case INTEGER -> List.of("42", numeric + "(2)", "(1 + 2)", "'-7'::integer", "length('abc')");
            case NUMERIC -> List.of("1.5", "'2.25'::numeric", "(0)::numeric", "round(2.345, 2)");
            case TEXT_ARRAY -> List.of("'{}'", "ARRAY['a', 'it''s']", "'{x,y}'::text[]", "ARRAY[]::text[]");
            case INTEGER_ARRAY -> List.of("'{}'", "ARRAY[1, 2]", "'{3}'::integer[]", "ARRAY[" + numeric + "(1)]");
        };
        int draw = varying(values.size() + 1);
        return draw == values.size() ? null : values.get(draw);
    }

    /** Boolean expressions over {@code v}, a value of the kind (a column, or a domain's VALUE). */
    private List<String> expressions(String v, Kind kind) {
        return switch (kind) {
            case TEXT, VARCHAR -> List.of(v + " IN ('a', 'it''s', 'b c')", v + " IN ('a', 'Ä')", "length(" + v + ") < 20",
                    textCheck + "(" + v + ")", v + " <> ''", "(" + v + ")::text <> 'x'",
                    "(" + v + " <> 'a' AND length(" + v + ") > 0) OR " + v + " IS NULL", "NOT (" + v + " = 'q' OR " + v + " = 'r')",
                    "upper(" + v + ") <> 'NO'", v + " NOT IN ('x', 'y')");
            case INTEGER -> List.of(v + " > 0", v + " BETWEEN 1 AND 100", numeric + "(" + v + ") < 1000", v + " IN (1, 2, 3)",
                    "(" + v + ")::numeric > 0.5", "NOT (" + v + " = 7 OR " + v + " = 8)", v + " <> ALL (ARRAY[13, 17])");
            case NUMERIC -> List.of(v + " >= 0", "(" + v + ")::integer < 100", "round(" + v + ") <> 13",
                    v + " IN (1.5, 2.5)", "(" + v + " > 0 AND " + v + " < 10) OR " + v + " = 99");
            case TEXT_ARRAY -> List.of("cardinality(" + v + ") <= 3", v + " <> '{}'", "'x' <> ALL (" + v + ")",
                    "array_length(" + v + ", 1) < 5", "cardinality(" + v + ") = 0 OR 'a' = ANY (" + v + ")");
            // Over an array of a domain too, whose element type no integer[] literal has.
            case INTEGER_ARRAY -> List.of("cardinality(" + v + ") < 4", "1 = ANY (" + v + ") OR 2 = ANY (" + v + ")",
                    "NOT (0 = ANY (" + v + "))", "(" + v + ")[1] > 0", v + " <> '{}'");
        };
    }

    private void table() {
        String table = qualified("t");
        String id = name("c");
        List<Column> columns = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        lines.add(Sql.ident(id) + " integer NOT NULL");
        int count = 1 + fixed(5);
        for (int i = 0; i < count; i++) {
            String column = name("c");
            List<String> types = new ArrayList<>(List.of("text", "varchar(20)", "integer", "numeric(10,2)", "text[]", "integer[]"));
            List<Kind> kinds = new ArrayList<>(List.of(Kind.TEXT, Kind.VARCHAR, Kind.INTEGER, Kind.NUMERIC, Kind.TEXT_ARRAY,
                    Kind.INTEGER_ARRAY));
            for (Domain domain : domains) {
                types.add(domain.qualified);
                kinds.add(domain.kind);
            }
            int type = fixed(types.size());
            Kind kind = kinds.get(type);
            boolean builtIn = type < 6;
            StringBuilder line = new StringBuilder(Sql.ident(column) + " " + types.get(type));
            String collate = collate();
            if (builtIn && (kind == Kind.TEXT || kind == Kind.VARCHAR)) {
                line.append(collate);
            }
            String value = defaultValue(kind);
            if (value != null && builtIn) {
                line.append(" DEFAULT ").append(value);
            }
            if (varying(4) == 0) {
                line.append(" NOT NULL");
            }
            lines.add(line.toString());
            columns.add(new Column(column, kind));
        }
        // One that nothing uses, in one state or both.
        String spare = name("c");
        String spareType = varying(List.of("text", "integer", "boolean"));
        if (present()) {
            lines.add(Sql.ident(spare) + " " + spareType);
        }
        String pk = name("pk");
        lines.add("CONSTRAINT " + Sql.ident(pk) + " PRIMARY KEY (" + Sql.ident(id) + ")");
        sql.add("CREATE TABLE " + table + " (\n  " + String.join(",\n  ", lines) + "\n)");
        tables.add(new Table(table, id, columns));
    }

    private static final List<String> DEFERRALS = List.of("", " DEFERRABLE", " DEFERRABLE INITIALLY DEFERRED",
            " DEFERRABLE INITIALLY IMMEDIATE", " NOT DEFERRABLE");

    private void constraints(Table table) {
        String alter = "ALTER TABLE " + table.qualified + " ADD CONSTRAINT ";
        for (Column column : table.columns) {
            if (column.kind == Kind.TEXT_ARRAY || column.kind == Kind.INTEGER_ARRAY || fixed(3) != 0) {
                continue;
            }
            String unique = Sql.ident(name("uq"));
            String deferral = varying(DEFERRALS);
            if (present()) {
                sql.add(alter + unique + " UNIQUE (" + Sql.ident(column.name) + ")" + deferral);
            }
        }
        int checks = fixed(4);
        for (int i = 0; i < checks; i++) {
            Column column = table.columns.get(fixed(table.columns.size()));
            String check = Sql.ident(name("ck"));
            String expression = varying(expressions(Sql.ident(column.name), column.kind));
            boolean notValid = varying(2) == 0;
            if (present()) {
                sql.add(alter + check + " CHECK (" + expression + ")" + (notValid ? " NOT VALID" : ""));
            }
        }
        for (Column column : table.columns) {
            if (column.kind != Kind.INTEGER || fixed(2) != 0) {
                continue;
            }
            Table target = tables.get(fixed(tables.size()));
            String fk = Sql.ident(name("fk"));
            String actions = varying(List.of("", " ON DELETE CASCADE", " ON DELETE SET NULL ON UPDATE CASCADE", " ON UPDATE RESTRICT"));
            String deferral = varying(DEFERRALS);
            boolean notValid = varying(2) == 0;
            if (present()) {
                sql.add(alter + fk + " FOREIGN KEY (" + Sql.ident(column.name) + ") REFERENCES " + target.qualified + " ("
                        + Sql.ident(target.id) + ")" + actions + deferral + (notValid ? " NOT VALID" : ""));
            }
        }
    }

    private void indexes(Table table) {
        int count = fixed(3);
        for (int i = 0; i < count; i++) {
            Column column = table.columns.get(fixed(table.columns.size()));
            String c = Sql.ident(column.name);
            String index = Sql.ident(name("ix"));
            List<String> keys = switch (column.kind) {
                case TEXT, VARCHAR -> List.of(c, "lower(" + c + ")", "(" + c + " || 'x')", c + " COLLATE \"C\"",
                        "(" + c + "::text) DESC NULLS LAST", collations.isEmpty() ? c : c + " COLLATE " + collations.get(0));
                case INTEGER -> List.of(c, numeric + "(" + c + ")", "(" + c + " + 1)", "(" + c + "::bigint)");
                case NUMERIC -> List.of(c, "(" + c + "::integer)", "round(" + c + ")");
                case TEXT_ARRAY, INTEGER_ARRAY -> List.of("cardinality(" + c + ")", "(" + c + "[1])");
            };
            String key = varying(keys);
            List<String> predicates = new ArrayList<>(List.of("", "", ""));
            predicates.addAll(expressions(c, column.kind).stream()
                    .filter(e -> !e.contains(textCheck) && !e.contains(numeric)).toList());
            String where = varying(predicates);
            boolean unique = fixed(4) == 0 && column.kind != Kind.TEXT_ARRAY && column.kind != Kind.INTEGER_ARRAY;
            if (present()) {
                sql.add("CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + index + " ON " + table.qualified + " (" + key + ")"
                        + (where.isEmpty() ? "" : " WHERE " + where));
            }
        }
    }

    private void triggers(Table table) {
        int count = fixed(4);
        for (int i = 0; i < count; i++) {
            String trigger = Sql.ident(name("tg"));
            String function = triggerFunctions.get(fixed(triggerFunctions.size()));
            Column column = table.columns.get(fixed(table.columns.size()));
            String c = Sql.ident(column.name);
            String arguments = varying(List.of("", "'it''s'", "'a', '1'"));
            String when = varying(List.of("", " WHEN (NEW." + c + " IS NOT NULL)", " WHEN (OLD.* IS DISTINCT FROM NEW.*)",
                    " WHEN (NEW." + c + " IS DISTINCT FROM OLD." + c + " OR OLD." + c + " IS NULL)"));
            String deferral = varying(List.of(" DEFERRABLE INITIALLY DEFERRED", " DEFERRABLE", " NOT DEFERRABLE",
                    " DEFERRABLE INITIALLY IMMEDIATE"));
            String execute = " EXECUTE FUNCTION " + function + "(" + arguments + ")";
            String on = " ON " + table.qualified;
            String definition = switch (fixed(6)) {
                case 0 -> "CREATE TRIGGER " + trigger + " BEFORE INSERT OR UPDATE" + on + " FOR EACH ROW"
                        + (when.contains("OLD") ? "" : when) + execute;
                case 1 -> "CREATE TRIGGER " + trigger + " AFTER DELETE" + on + " FOR EACH STATEMENT" + execute;
                case 2 -> "CREATE TRIGGER " + trigger + " BEFORE UPDATE OF " + c + on + " FOR EACH ROW" + when + execute;
                case 3 -> "CREATE CONSTRAINT TRIGGER " + trigger + " AFTER INSERT OR UPDATE" + on + deferral + " FOR EACH ROW"
                        + (when.contains("OLD") ? "" : when) + execute;
                case 4 -> "CREATE TRIGGER " + trigger + " AFTER TRUNCATE OR INSERT" + on + " FOR EACH STATEMENT" + execute;
                default -> "CREATE TRIGGER " + trigger + " AFTER UPDATE" + on + " REFERENCING NEW TABLE AS fresh OLD TABLE AS stale"
                        + " FOR EACH STATEMENT" + execute;
            };
            List<String> state = enabledState(table.qualified, "TRIGGER", trigger);
            if (present()) {
                sql.add(definition);
                sql.addAll(state);
            }
        }
    }

    /** Routines that nothing uses: a procedure, an aggregate, a function over a domain. */
    private void spares() {
        String procedure = qualified("p");
        String body = varying(List.of("SELECT 1", "SELECT n + 1"));
        if (present()) {
            sql.add("CREATE PROCEDURE " + procedure + "(n integer) LANGUAGE sql AS $$ " + body + " $$");
        }
        String aggregate = qualified("ag");
        String options = varying(List.of("sfunc = int4larger, stype = integer", "sfunc = int4smaller, stype = integer, initcond = '0'"));
        if (present()) {
            sql.add("CREATE AGGREGATE " + aggregate + "(integer) (" + options + ")");
        }
        Domain domain = domains.get(fixed(domains.size()));
        String overDomain = qualified("fd");
        String test = varying(List.of("v IS NOT NULL", "v IS NULL"));
        if (present()) {
            sql.add("CREATE FUNCTION " + overDomain + "(v " + domain.qualified + ") RETURNS " + domain.qualified
                    + " LANGUAGE sql STABLE AS $$ SELECT CASE WHEN " + test + " THEN v END $$");
        }
        casts(domain);
        rules();
    }

    /** Casts from and to a domain: WITH INOUT and WITH FUNCTION, in any context, now and then in one state only. */
    private void casts(Domain domain) {
        String context = varying(List.of("", " AS ASSIGNMENT", " AS IMPLICIT"));
        if (present()) {
            sql.add("CREATE CAST (" + domain.qualified + " AS json) WITH INOUT" + context);
        }
        String function = qualified("cf");
        sql.add("CREATE FUNCTION " + function + "(x json) RETURNS " + domain.qualified + " LANGUAGE sql IMMUTABLE AS $$ SELECT NULL::"
                + domain.qualified + " $$");
        String through = varying(List.of("", " AS ASSIGNMENT", " AS IMPLICIT"));
        if (present()) {
            sql.add("CREATE CAST (json AS " + domain.qualified + ") WITH FUNCTION " + function + "(json)" + through);
        }
    }

    /**
     * Rules on the tables: INSTEAD and ALSO, with and without a condition, one that writes to another
     * table. Conditions hold for no row the property's data has; a rule writes only to a table made
     * before its own, since PostgreSQL refuses rules that could call each other, whatever their conditions.
     * Their enabled states are drawn last (in {@link #build}), so the objects after them draw as before.
     */
    private void rules() {
        for (int i = 0; i < tables.size(); i++) {
            Table table = tables.get(i);
            if (fixed(2) != 0) {
                continue;
            }
            String rule = Sql.ident(name("r"));
            String id = Sql.ident(table.id);
            String channel = Sql.ident(name("ch"));
            Table other = i == 0 ? null : tables.get(fixed(i));
            String never = " < -1000000";
            String body = varying(List.of(
                    "INSERT TO " + table.qualified + " WHERE new." + id + never + " DO INSTEAD NOTHING",
                    "DELETE TO " + table.qualified + " DO ALSO NOTIFY " + channel,
                    "UPDATE TO " + table.qualified + " WHERE new." + id + " <> old." + id + " AND new." + id + never
                            + " DO INSTEAD NOTHING",
                    other == null ? "UPDATE TO " + table.qualified + " DO ALSO NOTIFY " + channel
                            : "DELETE TO " + table.qualified + " WHERE old." + id + never + " DO ALSO DELETE FROM " + other.qualified
                                    + " WHERE " + Sql.ident(other.id) + " = old." + id));
            boolean present = present();
            if (present) {
                sql.add("CREATE RULE " + rule + " AS ON " + body);
            }
            rules.add(new Rule(table.qualified, rule, present));
        }
    }

    /**
     * A file_fdw server and foreign tables on it: columns of built-in types with NOT NULL, defaults,
     * COLLATE, options and comments; table options and comments. Options and comments vary in
     * place; a changed default or collation makes the table anew.
     */
    private void foreign() {
        if (fixed(2) == 0) {
            return;
        }
        sql.add("CREATE EXTENSION IF NOT EXISTS file_fdw");
        String server = Sql.ident(name("srv"));
        sql.add("CREATE SERVER " + server + " FOREIGN DATA WRAPPER file_fdw");
        int count = 1 + fixed(2);
        for (int i = 0; i < count; i++) {
            String table = qualified("ft");
            List<String> columns = new ArrayList<>();
            List<String> comments = new ArrayList<>();
            int columnCount = 1 + fixed(3);
            for (int j = 0; j < columnCount; j++) {
                String column = Sql.ident(name("c"));
                Kind kind = List.of(Kind.TEXT, Kind.VARCHAR, Kind.INTEGER, Kind.NUMERIC, Kind.TEXT_ARRAY).get(fixed(5));
                String type = switch (kind) {
                    case TEXT -> "text";
                    case VARCHAR -> "varchar(20)";
                    case INTEGER -> "integer";
                    case NUMERIC -> "numeric(10,2)";
                    default -> "text[]";
                };
                StringBuilder line = new StringBuilder(column + " " + type);
                line.append(varying(List.of("", " OPTIONS (force_null 'true')", " OPTIONS (force_not_null 'true')")));
                String collate = collate();
                if (kind == Kind.TEXT || kind == Kind.VARCHAR) {
                    line.append(collate);
                }
                if (fixed(3) == 0) {
                    line.append(" NOT NULL");
                }
                String value = defaultValue(kind);
                if (value != null) {
                    line.append(" DEFAULT ").append(value);
                }
                columns.add(line.toString());
                String comment = varying(Arrays.asList(null, "a column", "it's"));
                if (comment != null) {
                    comments.add("COMMENT ON COLUMN " + table + "." + column + " IS " + Sql.string(comment));
                }
            }
            String options = varying(List.of("filename '/tmp/a.csv', format 'csv'", "filename '/tmp/b.txt'",
                    "format 'csv', header 'true', filename '/tmp/c.csv'"));
            String comment = varying(Arrays.asList(null, "a dump", "it's\nmultiline"));
            if (present()) {
                sql.add("CREATE FOREIGN TABLE " + table + " (" + String.join(", ", columns) + ") SERVER " + server
                        + " OPTIONS (" + options + ")");
                sql.addAll(comments);
                if (comment != null) {
                    sql.add("COMMENT ON FOREIGN TABLE " + table + " IS " + Sql.string(comment));
                }
            }
        }
    }

    /**
     * A view whose columns have defaults in the shapes that print another way once applied (an IN
     * list on varchar, casts), and one that reads itself.
     */
    private void views() {
        Table table = tables.get(fixed(tables.size()));
        String view = qualified("v");
        String label = varying(List.of("'a'::varchar(10)", "('a' || 'b')", "'x'::text"));
        String flag = varying(List.of("('a'::varchar(10) IN ('a', 'b'))", "true", "(" + numeric + "(1) > 0)"));
        if (present()) {
            sql.add("CREATE VIEW " + view + " AS SELECT " + Sql.ident(table.id()) + ", 'x'::varchar(10) AS label, false AS flag FROM "
                    + table.qualified());
            sql.add("ALTER VIEW " + view + " ALTER COLUMN label SET DEFAULT " + label);
            sql.add("ALTER VIEW " + view + " ALTER COLUMN flag SET DEFAULT " + flag);
        }
        String itself = qualified("v");
        String condition = varying(List.of("> 0", "< 0"));
        if (present()) {
            sql.add("CREATE VIEW " + itself + " AS SELECT " + Sql.ident(table.id()) + " AS n FROM " + table.qualified());
            sql.add("CREATE OR REPLACE VIEW " + itself + " AS SELECT n FROM " + itself + " WHERE n " + condition);
        }
    }
}
