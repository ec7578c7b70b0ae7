package dev.sleet.kit.postgres;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.snapshot.CheckSnapshot;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.ExclusionSnapshot;
import dev.sleet.kit.snapshot.ForeignKeySnapshot;
import dev.sleet.kit.snapshot.IdentitySnapshot;
import dev.sleet.kit.snapshot.IndexKeySnapshot;
import dev.sleet.kit.snapshot.SequenceSnapshot;
import dev.sleet.schema.SequenceOptions;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.KeySnapshot;
import dev.sleet.kit.snapshot.PolicySnapshot;
import dev.sleet.kit.snapshot.RoleSnapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.sleet.kit.postgres.PostgresNames.quote;

/**
 * PostgreSQL DDL for typed changes. Tables in the default schema are written unqualified, others
 * as {@code "schema"."table"}; referenced tables are always qualified. Identifiers are always quoted.
 */
final class PostgresDdl {

    private static final String DEFAULT_SCHEMA = "public";

    private PostgresDdl() {}

    static List<String> sql(List<Change> changes) {
        List<String> statements = new ArrayList<>();
        boolean bodiesUnchecked = false;
        for (Change change : changes) {
            if (!bodiesUnchecked && (change instanceof Change.CreateRoutine || change instanceof Change.ReplaceRoutine)) {
                // As pg_dump does: a body may name tables and routines created later in the migration.
                // LOCAL: the setting ends with the migration's transaction, never leaking into a pooled connection.
                statements.add("SET LOCAL check_function_bodies = off;");
                bodiesUnchecked = true;
            }
            statements.addAll(sql(change));
        }
        return statements;
    }

    static List<String> sql(Change change) {
        if (change instanceof Change.CreateSchema c) {
            return List.of("CREATE SCHEMA " + quote(c.schema()) + ";");
        }
        if (change instanceof Change.DropSchema c) {
            return List.of("DROP SCHEMA " + quote(c.schema()) + ";");
        }
        if (change instanceof Change.RenameSchema c) {
            return List.of("ALTER SCHEMA " + quote(c.from()) + " RENAME TO " + quote(c.to()) + ";");
        }
        if (change instanceof Change.RenameTable c) {
            return List.of("ALTER TABLE " + table(c.schema(), c.from()) + " RENAME TO " + quote(c.to()) + ";");
        }
        if (change instanceof Change.RenameColumn c) {
            return List.of(alter(c.schema(), c.table()) + "RENAME COLUMN " + quote(c.from()) + " TO " + quote(c.to()) + ";");
        }
        if (change instanceof Change.CreateTable c) {
            return c.table().partitioning() != null && c.table().partitioning().isPartition()
                    ? PostgresPartitionDdl.createPartition(c.table()) : createTable(c.table());
        }
        List<String> partitionSql = PostgresPartitionDdl.sql(change);
        if (partitionSql != null) {
            return partitionSql;
        }
        List<String> inheritanceSql = PostgresInheritanceDdl.sql(change);
        if (inheritanceSql != null) {
            return inheritanceSql;
        }
        if (change instanceof Change.DropTable c) {
            return List.of("DROP TABLE " + table(c.schema(), c.table()) + ";");
        }
        if (change instanceof Change.AddColumn c) {
            return List.of(alter(c.schema(), c.table()) + "ADD COLUMN " + columnDefinition(c.column(), false) + ";");
        }
        if (change instanceof Change.DropColumn c) {
            return List.of(alter(c.schema(), c.table()) + "DROP COLUMN " + quote(c.column()) + ";");
        }
        if (change instanceof Change.AlterColumn c) {
            return alterColumn(c.schema(), c.table(), c.from(), c.to(), false, c.lossAccepted(), PostgresTypeChange.of(c));
        }
        if (change instanceof Change.AddPrimaryKey c) {
            return List.of(alter(c.schema(), c.table()) + "ADD CONSTRAINT " + quote(c.key().name())
                    + " PRIMARY KEY(" + columns(c.key().columns()) + ")" + c.key().deferralOrDefault().sql() + ";");
        }
        if (change instanceof Change.DropPrimaryKey c) {
            return List.of(alter(c.schema(), c.table()) + "DROP CONSTRAINT " + quote(c.key().name()) + ";");
        }
        if (change instanceof Change.AddUnique c) {
            return List.of(alter(c.schema(), c.table()) + "ADD " + unique(c.key()) + ";");
        }
        if (change instanceof Change.DropUnique c) {
            return List.of(alter(c.schema(), c.table()) + "DROP CONSTRAINT " + quote(c.key().name()) + ";");
        }
        if (change instanceof Change.AddCheck c) {
            return List.of(alter(c.schema(), c.table()) + "ADD " + check(c.check()) + ";");
        }
        if (change instanceof Change.DropCheck c) {
            return List.of(alter(c.schema(), c.table()) + "DROP CONSTRAINT " + quote(c.check().name()) + ";");
        }
        if (change instanceof Change.AddForeignKey c) {
            return List.of(alter(c.schema(), c.table()) + "ADD " + foreignKey(c.key()) + ";");
        }
        if (change instanceof Change.DropForeignKey c) {
            return List.of(alter(c.schema(), c.table()) + "DROP CONSTRAINT " + quote(c.key().name()) + ";");
        }
        if (change instanceof Change.CreateIndex c) {
            return List.of(createIndex(c.schema(), c.table(), c.index()));
        }
        if (change instanceof Change.DropIndex c) {
            return List.of("DROP INDEX " + table(c.schema(), c.index().name()) + ";");
        }
        List<String> enumSql = enumSql(change);
        if (enumSql != null) {
            return enumSql;
        }
        if (change instanceof Change.CreateSequence c) {
            SequenceSnapshot q = c.sequence();
            return List.of("CREATE SEQUENCE " + table(q.schema(), q.name()) + " AS " + q.type() + " INCREMENT BY " + q.increment()
                    + " MINVALUE " + q.minValue() + " MAXVALUE " + q.maxValue() + " START WITH " + q.start() + " CACHE " + q.cache()
                    + (q.cycle() ? " CYCLE" : "") + ";");
        }
        if (change instanceof Change.DropSequence c) {
            // An owned sequence is gone already when its table or column was dropped before it.
            return List.of("DROP SEQUENCE " + (c.sequence().ownedBy() != null ? "IF EXISTS " : "")
                    + table(c.sequence().schema(), c.sequence().name()) + ";");
        }
        if (change instanceof Change.SetSequenceOwner c) {
            String owner = "NONE";
            if (c.ownedBy() != null) {
                int dot = c.ownedBy().lastIndexOf('.');
                owner = table(c.schema(), c.ownedBy().substring(0, dot)) + "." + quote(c.ownedBy().substring(dot + 1));
            }
            return List.of("ALTER SEQUENCE " + table(c.schema(), c.sequence()) + " OWNED BY " + owner + ";");
        }
        if (change instanceof Change.AlterSequence c) {
            boolean retyped = !c.from().type().equals(c.to().type());
            return List.of("ALTER SEQUENCE " + table(c.to().schema(), c.to().name()) + (retyped ? " AS " + c.to().type() : "")
                    + String.join("", sequenceChanges(retyped ? retyped(c.from(), c.to().type()) : c.from(), c.to(), "")) + ";");
        }
        if (change instanceof Change.CreateView c) {
            ViewSnapshot v = c.view();
            String with = v.with().isEmpty() ? "" : " WITH (" + v.with().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")) + ")";
            String create = "VIEW " + table(v.schema(), v.name()) + with + " AS ";
            if (!v.standIn().isEmpty()) {
                // A view that reads itself must exist before its definition can be applied: pg_dump's stand-in.
                List<String> nulls = v.standIn().stream().map(a -> "NULL::" + a.type()
                        + (a.collation() == null ? "" : " COLLATE " + a.collation()) + " AS " + quote(a.name())).toList();
                return List.of("CREATE " + create + "SELECT " + String.join(", ", nulls) + ";");
            }
            return List.of("CREATE " + (v.materialized() ? "MATERIALIZED " : "") + create + v.definition()
                    + (v.materialized() && v.withNoData() ? " WITH NO DATA" : "") + ";");
        }
        if (change instanceof Change.DefineView c) {
            ViewSnapshot v = c.view();
            String with = v.with().isEmpty() ? "" : " WITH (" + v.with().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")) + ")";
            return List.of("CREATE OR REPLACE VIEW " + table(v.schema(), v.name()) + with + " AS " + v.definition() + ";");
        }
        if (change instanceof Change.DropView c) {
            return List.of("DROP " + (c.view().materialized() ? "MATERIALIZED " : "") + "VIEW "
                    + table(c.view().schema(), c.view().name()) + ";");
        }
        if (change instanceof Change.RenameView c) {
            return List.of("ALTER " + (c.materialized() ? "MATERIALIZED " : "") + "VIEW " + table(c.schema(), c.from())
                    + " RENAME TO " + quote(c.to()) + ";");
        }
        if (change instanceof Change.SetViewColumnDefault c) {
            return List.of("ALTER VIEW " + table(c.schema(), c.view()) + " ALTER COLUMN " + quote(c.column())
                    + (c.defaultValue() == null ? " DROP DEFAULT;" : " SET DEFAULT " + c.defaultValue() + ";"));
        }
        if (change instanceof Change.SetComment c) {
            String target = switch (c.target()) {
                case TABLE -> "TABLE " + table(c.schema(), c.name());
                case COLUMN -> "COLUMN " + table(c.schema(), c.name()) + "." + quote(c.column());
                case VIEW -> "VIEW " + table(c.schema(), c.name());
                case MATERIALIZED_VIEW -> "MATERIALIZED VIEW " + table(c.schema(), c.name());
            };
            return List.of("COMMENT ON " + target + " IS " + (c.comment() == null ? "NULL" : string(c.comment())) + ";");
        }
        if (change instanceof Change.SetRowLevelSecurity c) {
            List<String> statements = new ArrayList<>();
            if (c.enabledChanges()) {
                statements.add(alter(c.schema(), c.table()) + (c.enabled() ? "ENABLE" : "DISABLE") + " ROW LEVEL SECURITY;");
            }
            if (c.forcedChanges()) {
                statements.add(alter(c.schema(), c.table()) + (c.forced() ? "FORCE" : "NO FORCE") + " ROW LEVEL SECURITY;");
            }
            return statements;
        }
        if (change instanceof Change.SetStorageParameters c) {
            return storageParameters(c);
        }
        if (change instanceof Change.SetClusterOn c) {
            return List.of(alter(c.schema(), c.table())
                    + (c.index() == null ? "SET WITHOUT CLUSTER;" : "CLUSTER ON " + quote(c.index()) + ";"));
        }
        if (change instanceof Change.CreatePolicy c) {
            PolicySnapshot p = c.policy();
            return List.of("CREATE POLICY " + quote(p.name()) + " ON " + table(c.schema(), c.table()) + " AS "
                    + p.as().toUpperCase(java.util.Locale.ROOT) + " FOR " + p.command().toUpperCase(java.util.Locale.ROOT)
                    + " TO " + p.to().stream().map(r -> r.equals(PolicySnapshot.PUBLIC) ? "public" : quote(r))
                            .collect(Collectors.joining(", "))
                    + (p.using() == null ? "" : " USING (" + p.using() + ")")
                    + (p.withCheck() == null ? "" : " WITH CHECK (" + p.withCheck() + ")") + ";");
        }
        if (change instanceof Change.DropPolicy c) {
            return List.of("DROP POLICY " + quote(c.policy().name()) + " ON " + table(c.schema(), c.table()) + ";");
        }
        if (change instanceof Change.CreateRole c) {
            return List.of("CREATE ROLE " + quote(c.role().name()) + roleOptions(c.role(), null) + ";");
        }
        if (change instanceof Change.AlterRole c) {
            return List.of("ALTER ROLE " + quote(c.to().name()) + roleOptions(c.to(), c.from()) + ";");
        }
        if (change instanceof Change.DropRole c) {
            return List.of("DROP ROLE " + quote(c.role().name()) + ";");
        }
        if (change instanceof Change.RenameSequence c) {
            return List.of("ALTER SEQUENCE " + table(c.schema(), c.from()) + " RENAME TO " + quote(c.to()) + ";");
        }
        if (change instanceof Change.ValidateConstraint c) {
            return List.of(alter(c.schema(), c.table()) + "VALIDATE CONSTRAINT " + quote(c.name()) + ";");
        }
        if (change instanceof Change.AddExclusion c) {
            return List.of(alter(c.schema(), c.table()) + "ADD " + exclusion(c.exclusion()) + ";");
        }
        if (change instanceof Change.DropExclusion c) {
            return List.of(alter(c.schema(), c.table()) + "DROP CONSTRAINT " + quote(c.exclusion().name()) + ";");
        }
        List<String> objectSql = PostgresObjectsDdl.sql(change);
        if (objectSql != null) {
            return objectSql;
        }
        List<String> foreignSql = PostgresForeignDdl.sql(change);
        if (foreignSql != null) {
            return foreignSql;
        }
        List<String> routineSql = PostgresRoutineDdl.sql(change);
        if (routineSql != null) {
            return routineSql;
        }
        throw new IllegalArgumentException("No PostgreSQL DDL for " + change);
    }

    private static List<String> enumSql(Change change) {
        if (change instanceof Change.CreateEnum c) {
            return List.of(createEnum(c.type().schema(), c.type().name(), c.type().values()));
        }
        if (change instanceof Change.DropEnum c) {
            return List.of("DROP TYPE " + type(c.type().schema(), c.type().name()) + ";");
        }
        if (change instanceof Change.RenameEnum c) {
            return List.of("ALTER TYPE " + type(c.schema(), c.from()) + " RENAME TO " + quote(c.to()) + ";");
        }
        if (change instanceof Change.RenameEnumValue c) {
            return List.of("ALTER TYPE " + type(c.schema(), c.type()) + " RENAME VALUE " + string(c.from())
                    + " TO " + string(c.to()) + ";");
        }
        if (change instanceof Change.AddEnumValue c) {
            String place = c.before() != null ? " BEFORE " + string(c.before())
                    : c.after() != null ? " AFTER " + string(c.after()) : "";
            return List.of("ALTER TYPE " + type(c.schema(), c.type()) + " ADD VALUE IF NOT EXISTS " + string(c.value())
                    + place + ";");
        }
        if (change instanceof Change.RecreateEnum c) {
            return List.of(
                    "ALTER TYPE " + type(c.from().schema(), c.from().name()) + " RENAME TO " + quote(c.retired()) + ";",
                    createEnum(c.to().schema(), c.to().name(), c.to().values()));
        }
        if (change instanceof Change.ConvertEnumColumn c) {
            return alterColumn(c.schema(), c.table(), c.from(), c.to(), true, false, PostgresTypeChange.of(c.from(), c.to()));
        }
        if (change instanceof Change.ConvertDomainColumn c) {
            return alterColumn(c.schema(), c.table(), c.from(), c.to(), true, c.lossAccepted(), PostgresTypeChange.of(c));
        }
        if (change instanceof Change.DropRetiredEnum c) {
            return List.of("DROP TYPE " + type(c.from().schema(), c.retired()) + ";");
        }
        return null;
    }

    /** The clauses that turn one set of sequence options into another, each prefixed by {@code prefix}. */
    private static List<String> sequenceChanges(SequenceSnapshot from, SequenceSnapshot to, String prefix) {
        List<String> clauses = new ArrayList<>();
        if (from.increment() != to.increment()) {
            clauses.add(" " + prefix + "INCREMENT BY " + to.increment());
        }
        if (from.minValue() != to.minValue()) {
            clauses.add(" " + prefix + "MINVALUE " + to.minValue());
        }
        if (from.maxValue() != to.maxValue()) {
            clauses.add(" " + prefix + "MAXVALUE " + to.maxValue());
        }
        if (from.start() != to.start()) {
            clauses.add(" " + prefix + "START WITH " + to.start());
        }
        if (from.cache() != to.cache()) {
            clauses.add(" " + prefix + "CACHE " + to.cache());
        }
        if (from.cycle() != to.cycle()) {
            clauses.add(" " + prefix + (to.cycle() ? "CYCLE" : "NO CYCLE"));
        }
        return clauses;
    }

    /**
     * The options PostgreSQL leaves a sequence with when only its type changes: a bound that was the
     * old type's limit becomes the new type's (others stay, even when explicitly the old limit).
     */
    private static SequenceSnapshot retyped(SequenceSnapshot s, String type) {
        long min = s.minValue() == typeLimit(s.type(), false) ? typeLimit(type, false) : s.minValue();
        long max = s.maxValue() == typeLimit(s.type(), true) ? typeLimit(type, true) : s.maxValue();
        return new SequenceSnapshot(s.schema(), s.name(), type, s.increment(), min, max, s.start(), s.cache(), s.cycle());
    }

    private static long typeLimit(String type, boolean max) {
        return switch (type) {
            case "smallint" -> max ? Short.MAX_VALUE : Short.MIN_VALUE;
            case "integer" -> max ? Integer.MAX_VALUE : Integer.MIN_VALUE;
            default -> max ? Long.MAX_VALUE : Long.MIN_VALUE;
        };
    }

    /** {@code GENERATED ALWAYS AS IDENTITY}, with in parentheses the options that differ from the type's defaults. */
    private static String identity(IdentitySnapshot identity, String type) {
        SequenceOptions declared = identity.asSequence(type).declaredOptions();
        List<String> options = new ArrayList<>();
        if (identity.sequenceName() != null) {
            // Unqualified, the sequence is made in the table's schema, where it must be.
            options.add("SEQUENCE NAME " + quote(identity.sequenceName()));
        }
        if (declared.increment() != null) {
            options.add("INCREMENT BY " + declared.increment());
        }
        if (declared.minValue() != null) {
            options.add("MINVALUE " + declared.minValue());
        }
        if (declared.maxValue() != null) {
            options.add("MAXVALUE " + declared.maxValue());
        }
        if (declared.start() != null) {
            options.add("START WITH " + declared.start());
        }
        if (declared.cache() != null) {
            options.add("CACHE " + declared.cache());
        }
        if (declared.isCycle()) {
            options.add("CYCLE");
        }
        return "GENERATED " + (identity.isAlways() ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY"
                + (options.isEmpty() ? "" : " (" + String.join(" ", options) + ")");
    }

    /** The name of an identity column's sequence: its own, else the one PostgreSQL chooses. */
    static String identitySequenceName(String table, ColumnSnapshot column) {
        String own = column.identity().sequenceName();
        return own != null ? own : PostgresNames.makeObjectName(table, column.name(), "seq");
    }

    /** The role's flags as CREATE/ALTER ROLE options: all of them, or those that differ from {@code from}. */
    private static String roleOptions(RoleSnapshot role, RoleSnapshot from) {
        StringBuilder sql = new StringBuilder();
        if (from == null || from.login() != role.login()) {
            sql.append(role.login() ? " LOGIN" : " NOLOGIN");
        }
        if (from == null || from.createDb() != role.createDb()) {
            sql.append(role.createDb() ? " CREATEDB" : " NOCREATEDB");
        }
        if (from == null || from.createRole() != role.createRole()) {
            sql.append(role.createRole() ? " CREATEROLE" : " NOCREATEROLE");
        }
        if (from == null || from.inherit() != role.inherit()) {
            sql.append(role.inherit() ? " INHERIT" : " NOINHERIT");
        }
        if (from == null || from.bypassRls() != role.bypassRls()) {
            sql.append(role.bypassRls() ? " BYPASSRLS" : " NOBYPASSRLS");
        }
        if (from == null || from.replication() != role.replication()) {
            sql.append(role.replication() ? " REPLICATION" : " NOREPLICATION");
        }
        if (from == null || from.connectionLimit() != role.connectionLimit()) {
            sql.append(" CONNECTION LIMIT ").append(role.connectionLimit());
        }
        return sql.toString();
    }

    private static String createEnum(String schema, String name, List<String> values) {
        return "CREATE TYPE " + type(schema, name) + " AS ENUM("
                + values.stream().map(PostgresDdl::string).collect(Collectors.joining(", ")) + ");";
    }

    /** A user-defined type, always schema-qualified. */
    private static String type(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    /** A column's type as DDL spells it: built-in types as they are, enum types qualified and quoted. */
    static String typeSql(ColumnSnapshot column) {
        if (column.typeSchema() == null) {
            return column.type();
        }
        return type(column.typeSchema(), column.elementType()) + (column.isArray() ? "[]" : "");
    }

    /** {@code name='value', ...}: quoted, so that any value PostgreSQL keeps reads back as it was written. */
    private static String storageParameters(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> e.getKey() + "=" + string(e.getValue())).collect(Collectors.joining(", "));
    }

    private static List<String> storageParameters(Change.SetStorageParameters c) {
        List<String> statements = new ArrayList<>();
        List<String> reset = c.from().keySet().stream().filter(k -> !c.to().containsKey(k)).toList();
        if (!reset.isEmpty()) {
            statements.add(alter(c.schema(), c.table()) + "RESET (" + String.join(", ", reset) + ");");
        }
        Map<String, String> set = new java.util.LinkedHashMap<>(c.to());
        set.entrySet().removeIf(e -> e.getValue().equals(c.from().get(e.getKey())));
        if (!set.isEmpty()) {
            statements.add(alter(c.schema(), c.table()) + "SET (" + storageParameters(set) + ");");
        }
        return statements;
    }

    private static String string(String value) {
        return PostgresNames.stringLiteral(value);
    }

    /**
     * CREATE TABLE with the columns, primary key and unique constraints. PostgreSQL silently folds a
     * unique constraint into an identical key declared in the same CREATE TABLE, so a unique over the
     * same columns as the primary key or an earlier unique is added by its own ALTER TABLE after it.
     */
    private static List<String> createTable(TableSnapshot table) {
        List<String> lines = new ArrayList<>();
        KeySnapshot pk = table.primaryKey();
        boolean inlinePk = pk != null && pk.columns().size() == 1 && pk.deferral() == null
                && pk.name().equals(PostgresNames.defaultName(table.name(), pk.columns(), "pkey"))
                && table.columns().containsKey(pk.columns().get(0))
                && !PostgresInheritanceDdl.fromParent(table, table.columns().get(pk.columns().get(0)));
        for (ColumnSnapshot column : table.columns().values()) {
            if (PostgresInheritanceDdl.fromParent(table, column)) {
                continue;
            }
            lines.add(columnDefinition(PostgresInheritanceDdl.asCreated(table, column),
                    inlinePk && pk.columns().get(0).equals(column.name())));
        }
        if (pk != null && !inlinePk) {
            lines.add("CONSTRAINT " + quote(pk.name()) + " PRIMARY KEY(" + columns(pk.columns()) + ")"
                    + pk.deferralOrDefault().sql());
        }
        List<List<String>> keyColumns = new ArrayList<>();
        if (pk != null) {
            keyColumns.add(pk.columns());
        }
        List<String> duplicates = new ArrayList<>();
        for (KeySnapshot key : table.uniqueConstraints().values()) {
            if (keyColumns.contains(key.columns())) {
                duplicates.add(alter(table.schema(), table.name()) + "ADD " + unique(key) + ";");
            } else {
                lines.add(unique(key));
                keyColumns.add(key.columns());
            }
        }
        for (CheckSnapshot check : table.checkConstraints().values()) {
            // CREATE TABLE takes NOT VALID but checks the constraint all the same (the table is empty):
            // only ALTER TABLE leaves it not valid, as the snapshot says.
            if (check.notValid()) {
                duplicates.add(alter(table.schema(), table.name()) + "ADD " + check(check) + ";");
            } else {
                lines.add(check(check));
            }
        }
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TABLE " + table(table.schema(), table.name()) + " (\n\t"
                + String.join(",\n\t", lines) + "\n)" + PostgresInheritanceDdl.inherits(table)
                + PostgresPartitionDdl.partitionBy(table)
                + (table.with().isEmpty() ? "" : " WITH (" + storageParameters(table.with()) + ")") + ";");
        statements.addAll(PostgresInheritanceDdl.ownParts(table));
        statements.addAll(duplicates);
        return statements;
    }

    private static String columnDefinition(ColumnSnapshot column, boolean primaryKey) {
        StringBuilder sql = new StringBuilder(quote(column.name())).append(' ')
                .append(column.serial() ? PostgresTypes.serialKeyword(column.type()) : typeSql(column))
                .append(PostgresObjectsDdl.collate(column.collation(), column.collationSchema()));
        if (primaryKey) {
            sql.append(" PRIMARY KEY");
        }
        if (column.identity() != null) {
            sql.append(' ').append(identity(column.identity(), column.type()));
        }
        if (column.generated() != null) {
            sql.append(" GENERATED ALWAYS AS (").append(column.generated()).append(") STORED");
        }
        if (column.defaultValue() != null) {
            sql.append(" DEFAULT ").append(defaultExpression(column.defaultValue()));
        }
        if (column.notNull()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    /**
     * Alters one column from {@code from} to {@code to}; {@code retype} sets the type again even if
     * its name did not change (a recreated enum type). A type change that may lose values comes after
     * its guard, or, when {@code lossAccepted}, under a comment saying that nothing guards it.
     */
    private static List<String> alterColumn(String schema, String table, ColumnSnapshot from, ColumnSnapshot to,
                                            boolean retype, boolean lossAccepted, PostgresTypeChange conversion) {
        String prefix = alter(schema, table) + "ALTER COLUMN " + quote(to.name()) + " ";
        List<String> statements = new ArrayList<>();
        if (to.generated() != null && !to.generated().equals(from.generated())) {
            // PostgreSQL 15 cannot change a generation expression, nor make a column generated: add it anew.
            statements.add(alter(schema, table) + "DROP COLUMN " + quote(from.name()) + ";");
            statements.add(alter(schema, table) + "ADD COLUMN " + columnDefinition(to, false) + ";");
            return statements;
        }
        if (from.generated() != null && to.generated() == null) {
            statements.add(prefix + "DROP EXPRESSION;");
        }
        if (from.identity() != null && to.identity() == null) {
            statements.add(prefix + "DROP IDENTITY;");
        }
        String sequence = quote(PostgresNames.makeObjectName(table, to.name(), "seq"));
        String qualifiedSequence = schema.equals(DEFAULT_SCHEMA) ? sequence : quote(schema) + "." + sequence;
        if (from.serial() && !to.serial()) {
            statements.add(prefix + "DROP DEFAULT;");
            // The owned sequence keeps the name it was created with when its table or column is renamed,
            // so it is found through the column rather than by its default name.
            statements.add("DO $sleet$ BEGIN EXECUTE 'DROP SEQUENCE ' || pg_get_serial_sequence('"
                    + table(schema, table).replace("'", "''") + "', '" + to.name().replace("'", "''")
                    + "'); END $sleet$;");
        }
        // SET DATA TYPE is also how a column's collation changes.
        boolean typeChanges = retype || !typeSql(from).equals(typeSql(to))
                || !Objects.equals(from.collation(), to.collation()) || !Objects.equals(from.collationSchema(), to.collationSchema());
        // An old default may not cast to the new type, so it is dropped first and set again after.
        boolean defaultDropped = typeChanges && !from.serial() && from.defaultValue() != null;
        if (defaultDropped) {
            statements.add(prefix + "DROP DEFAULT;");
        }
        // The identity's sequence as it will be when its options are set, after any type change.
        SequenceSnapshot identitySequence = from.identity() == null ? null : from.identity().asSequence(from.type());
        if (typeChanges && from.identity() != null && to.identity() != null) {
            SequenceSnapshot target = to.identity().asSequence(to.type());
            SequenceSnapshot moved = retyped(identitySequence, to.type());
            // A narrower type must hold the bounds and start it is given: the new ones (which fit both types) go first.
            if (Math.min(moved.minValue(), moved.start()) < typeLimit(to.type(), false)
                    || Math.max(moved.maxValue(), moved.start()) > typeLimit(to.type(), true)) {
                SequenceSnapshot bounded = new SequenceSnapshot("", "", from.type(), identitySequence.increment(),
                        target.minValue(), target.maxValue(), target.start(), identitySequence.cache(), identitySequence.cycle());
                statements.add(prefix.stripTrailing() + String.join("", sequenceChanges(identitySequence, bounded, "SET ")) + ";");
                moved = retyped(bounded, to.type());
            }
            identitySequence = moved;
        }
        if (typeChanges) {
            if (conversion.lossy() && !lossAccepted) {
                statements.add(conversion.guard(schema, table, to.name()));
            }
            String comment = conversion.lossy() && lossAccepted ? conversion.acceptedComment(schema, table, to.name()) : "";
            statements.add(comment + prefix + "SET DATA TYPE " + typeSql(to) + PostgresObjectsDdl.collate(to.collation(),
                    to.collationSchema()) + conversion.using(quote(to.name()), lossAccepted) + ";");
            if (from.serial() && to.serial() && !from.type().equals(to.type())) {
                // PostgreSQL leaves a serial column's sequence at its old type; a fresh serial's has the column's.
                statements.add("ALTER SEQUENCE " + qualifiedSequence + " AS " + to.type() + ";");
            }
        }
        if (!from.serial() && to.serial()) {
            statements.add("CREATE SEQUENCE " + qualifiedSequence + " AS " + to.type() + ";");
            statements.add(prefix + "SET DEFAULT nextval('" + qualifiedSequence.replace("'", "''") + "'::regclass);");
            statements.add("ALTER SEQUENCE " + qualifiedSequence + " OWNED BY " + table(schema, table)
                    + "." + quote(to.name()) + ";");
        } else if (!to.serial() && (defaultDropped || !Objects.equals(from.defaultValue(), to.defaultValue()))) {
            if (to.defaultValue() != null && !PostgresInheritanceDdl.dropsParentDefault(to.defaultValue())) {
                statements.add(prefix + "SET DEFAULT " + to.defaultValue() + ";");
            } else if (!defaultDropped) {
                statements.add(prefix + "DROP DEFAULT;");
            }
        }
        if (from.notNull() != to.notNull()) {
            statements.add(prefix + (to.notNull() ? "SET NOT NULL;" : "DROP NOT NULL;"));
        }
        if (from.identity() == null && to.identity() != null) {
            statements.add(prefix + "ADD " + identity(to.identity(), to.type()) + ";");
        } else if (from.identity() != null && to.identity() != null) {
            List<String> clauses = new ArrayList<>();
            if (!from.identity().generation().equals(to.identity().generation())) {
                clauses.add(" SET GENERATED " + (to.identity().isAlways() ? "ALWAYS" : "BY DEFAULT"));
            }
            clauses.addAll(sequenceChanges(identitySequence, to.identity().asSequence(to.type()), "SET "));
            if (!clauses.isEmpty()) {
                statements.add(prefix.stripTrailing() + String.join("", clauses) + ";");
            }
            String fromSequence = identitySequenceName(table, from);
            String toSequence = identitySequenceName(table, to);
            if (!fromSequence.equals(toSequence)) {
                statements.add("ALTER SEQUENCE " + table(schema, fromSequence) + " RENAME TO " + quote(toSequence) + ";");
            }
        }
        return statements;
    }

    static String unique(KeySnapshot key) {
        return "CONSTRAINT " + quote(key.name()) + " UNIQUE" + (key.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "")
                + "(" + columns(key.columns()) + ")" + key.deferralOrDefault().sql();
    }

    static String check(CheckSnapshot check) {
        return "CONSTRAINT " + quote(check.name()) + " CHECK (" + check.expression() + ")" + (check.noInherit() ? " NO INHERIT" : "")
                + (check.notValid() ? " NOT VALID" : "");
    }

    private static String exclusion(ExclusionSnapshot exclusion) {
        List<String> elements = new ArrayList<>();
        for (int i = 0; i < exclusion.keys().size(); i++) {
            elements.add(indexKey(exclusion.keys().get(i)) + " WITH " + exclusion.operators().get(i));
        }
        return "CONSTRAINT " + quote(exclusion.name()) + " EXCLUDE USING " + exclusion.method() + " (" + String.join(", ", elements)
                + ")" + (exclusion.where() == null ? "" : " WHERE (" + exclusion.where() + ")") + exclusion.deferralOrDefault().sql();
    }

    private static String foreignKey(ForeignKeySnapshot fk) {
        return "CONSTRAINT " + quote(fk.name()) + " FOREIGN KEY (" + columns(fk.columns()) + ") REFERENCES "
                + quote(fk.referencedSchema()) + "." + quote(fk.referencedTable()) + "(" + columns(fk.referencedColumns())
                + ") ON DELETE " + fk.onDelete() + " ON UPDATE " + fk.onUpdate() + fk.deferralOrDefault().sql()
                + (fk.notValid() ? " NOT VALID" : "");
    }

    private static String createIndex(String schema, String table, IndexSnapshot index) {
        List<String> keys = new ArrayList<>();
        for (IndexKeySnapshot key : index.allKeys()) {
            keys.add(indexKey(key));
        }
        String include = index.include().isEmpty() ? "" : " INCLUDE (" + columns(index.include()) + ")";
        String with = index.with().isEmpty() ? "" : " WITH (" + index.with().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")) + ")";
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + (index.concurrently() ? "CONCURRENTLY " : "")
                + quote(index.name()) + " ON " + table(schema, table) + " USING " + index.methodOrDefault()
                + " (" + String.join(",", keys) + ")" + include + (index.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "") + with
                + (index.where() == null ? "" : " WHERE " + index.where()) + ";";
    }

    private static String indexKey(IndexKeySnapshot key) {
        StringBuilder sql = new StringBuilder(key.column() != null ? quote(key.column())
                : parenthesized(key.expression()) ? key.expression() : "(" + key.expression() + ")");
        sql.append(PostgresObjectsDdl.collate(key.collation(), key.collationSchema()));
        if (key.opclass() != null) {
            sql.append(' ').append(key.opclass());
        }
        if (key.descending()) {
            sql.append(" DESC");
        }
        if (key.nulls() != null) {
            sql.append(" NULLS ").append(key.nulls().toUpperCase(java.util.Locale.ROOT));
        }
        return sql.toString();
    }

    /**
     * A default as a column definition may hold it: {@code DEFAULT} there takes only a restricted
     * expression, so {@code now() AT TIME ZONE 'utc'} is refused and {@code 'a' COLLATE "C"} silently
     * becomes the column's collation. Anything but one term (a literal, a call, a group, with casts)
     * goes in parentheses, which PostgreSQL does not keep.
     */
    static String defaultExpression(String expression) {
        String rest = MULTI_WORD_CASTS.matcher(expression).replaceAll("::t");
        int depth = 0;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < rest.length() && (rest.charAt(end) != c || end + 1 < rest.length() && rest.charAt(end + 1) == c)) {
                    end += rest.charAt(end) == c ? 2 : 1;
                }
                i = end;
                if (depth == 0 && i + 1 < rest.length() && Character.isLetter(rest.charAt(i + 1))) {
                    return "(" + expression + ")";
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0 && i + 1 < rest.length() && Character.isLetter(rest.charAt(i + 1))) {
                    return "(" + expression + ")";
                }
            } else if (depth == 0 && Character.isWhitespace(c)) {
                return "(" + expression + ")";
            }
        }
        return expression;
    }

    /** Casts to types whose names are more than one word, as the catalog prints them. */
    private static final Pattern MULTI_WORD_CASTS = Pattern.compile(
            "::(character varying|double precision|bit varying|time(stamp)?(\\(\\d+\\))? with(out)? time zone)");

    /** True when the whole expression is one parenthesised group: {@code ((a + 1))}, not {@code (a) + (b)}. */
    static boolean parenthesized(String expression) {
        if (!expression.startsWith("(") || !expression.endsWith(")")) {
            return false;
        }
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0 && i < expression.length() - 1) {
                return false;
            }
        }
        return depth == 0;
    }

    static String alter(String schema, String table) {
        return "ALTER TABLE " + table(schema, table) + " ";
    }

    static String table(String schema, String name) {
        return schema.equals(DEFAULT_SCHEMA) ? quote(name) : quote(schema) + "." + quote(name);
    }

    static String columns(List<String> columns) {
        return columns.stream().map(PostgresNames::quote).collect(Collectors.joining(","));
    }
}
