package dev.sleet.schema;

import dev.sleet.dialect.Dialect;
import dev.sleet.dialect.PostgresDialect;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A database table described in Java. Subclass it, pass the SQL names to the constructor, and
 * declare columns, keys and indexes as public final fields:
 *
 * <pre>{@code
 * public static final class Tasks extends Table<Tasks> {
 *     public final Column<Integer> id = serial("id").primaryKey();
 *     public final Column<Integer> userId = integer("user_id");
 *     public final ForeignKey fkTaskUser = foreignKey("fk_task_user", userId).references(() -> USERS.id);
 *     public final Index idxTasksUser = index("idx_tasks_user").on(userId);
 *     public Tasks() { super("public", "tasks"); }
 * }
 * }</pre>
 *
 * <p>SQL names are always given as strings, never derived from Java names. The base class keeps
 * its own state private and names its methods so that a subclass may freely declare columns
 * called {@code name}, {@code schema} or {@code columns}.
 *
 * @param <SELF> the subclass itself, so that {@link #as(String)} returns the same type
 */
public abstract class Table<SELF extends Table<SELF>> {

    private final String sqlSchema;
    private final String sqlName;
    private String sqlAlias;
    private String sqlComment;
    private final List<Column<?>> declaredColumns = new ArrayList<>();
    private final List<ForeignKey> declaredForeignKeys = new ArrayList<>();
    private final List<Index> declaredIndexes = new ArrayList<>();
    private final List<Constraint> declaredConstraints = new ArrayList<>();
    private String previousSqlName;
    private final Map<String, String> previousColumnSqlNames = new LinkedHashMap<>();
    private final Map<String, LossyTypeChange> lossyTypeChanges = new LinkedHashMap<>();
    private final List<Check> declaredChecks = new ArrayList<>();
    private final List<Policy> declaredPolicies = new ArrayList<>();
    private final List<Trigger> declaredTriggers = new ArrayList<>();
    private boolean rowLevelSecurity;
    private boolean forceRowLevelSecurity;
    private final List<Exclusion> declaredExclusions = new ArrayList<>();
    private Partitioning sqlPartitioning;
    private Supplier<? extends Table<?>> partitionParent;
    private String partitionBound;
    private String clusterIndex;
    private final Map<String, String> storageParameters = new LinkedHashMap<>();
    private final List<Supplier<? extends Table<?>>> parentTables = new ArrayList<>();
    private final Set<String> redeclaredColumns = new LinkedHashSet<>();

    /** A table in the {@code public} schema. */
    protected Table(String name) {
        this("public", name);
    }

    protected Table(String schema, String name) {
        this.sqlSchema = Objects.requireNonNull(schema, "schema");
        this.sqlName = Objects.requireNonNull(name, "name");
    }

    // ---- column factories -------------------------------------------------------------------

    protected final Column<Integer> serial(String name) {
        return add(new Column<>(this, name, DataType.INTEGER, true));
    }

    protected final Column<Long> bigserial(String name) {
        return add(new Column<>(this, name, DataType.BIGINT, true));
    }

    protected final Column<Short> smallserial(String name) {
        return add(new Column<>(this, name, DataType.SMALLINT, true));
    }

    protected final Column<Short> smallint(String name) {
        return column(name, DataType.SMALLINT);
    }

    protected final Column<Integer> integer(String name) {
        return column(name, DataType.INTEGER);
    }

    protected final Column<Long> bigint(String name) {
        return column(name, DataType.BIGINT);
    }

    protected final Column<Boolean> bool(String name) {
        return column(name, DataType.BOOLEAN);
    }

    protected final Column<String> text(String name) {
        return column(name, DataType.TEXT);
    }

    protected final Column<String> varchar(String name) {
        return column(name, DataType.varchar(null));
    }

    protected final Column<String> varchar(String name, int length) {
        return column(name, DataType.varchar(length));
    }

    protected final Column<String> character(String name, int length) {
        return column(name, DataType.character(length));
    }

    protected final Column<java.math.BigDecimal> numeric(String name) {
        return column(name, DataType.numeric(null, null));
    }

    protected final Column<java.math.BigDecimal> numeric(String name, int precision, int scale) {
        return column(name, DataType.numeric(precision, scale));
    }

    protected final Column<Float> real(String name) {
        return column(name, DataType.REAL);
    }

    protected final Column<Double> doublePrecision(String name) {
        return column(name, DataType.DOUBLE_PRECISION);
    }

    protected final Column<java.time.LocalDate> date(String name) {
        return column(name, DataType.DATE);
    }

    protected final Column<java.time.LocalTime> time(String name) {
        return column(name, DataType.time(null));
    }

    protected final Column<java.time.LocalTime> time(String name, int precision) {
        return column(name, DataType.time(precision));
    }

    protected final Column<java.time.LocalDateTime> timestamp(String name) {
        return column(name, DataType.timestamp(null));
    }

    protected final Column<java.time.LocalDateTime> timestamp(String name, int precision) {
        return column(name, DataType.timestamp(precision));
    }

    protected final Column<java.time.OffsetDateTime> timestamptz(String name) {
        return column(name, DataType.timestamptz(null));
    }

    protected final Column<java.time.OffsetDateTime> timestamptz(String name, int precision) {
        return column(name, DataType.timestamptz(precision));
    }

    protected final Column<String> interval(String name) {
        return column(name, DataType.INTERVAL);
    }

    protected final Column<java.util.UUID> uuid(String name) {
        return column(name, DataType.UUID_TYPE);
    }

    protected final Column<String> json(String name) {
        return column(name, DataType.JSON);
    }

    protected final Column<String> jsonb(String name) {
        return column(name, DataType.JSONB);
    }

    protected final Column<byte[]> bytea(String name) {
        return column(name, DataType.BYTEA);
    }

    /** A column of any type, for types without a factory of their own. */
    protected final <T> Column<T> column(String name, DataType<T> type) {
        return add(new Column<>(this, name, type, false));
    }

    /** A column of an enum type: {@code column("status", STATUS)}; {@code .array()} makes it {@code status[]}. */
    protected final <E> Column<E> column(String name, EnumType<E> type) {
        Objects.requireNonNull(type, () -> "The enum type of column " + sqlName + "." + name
                + " is null: declare the enum type before the tables that use it");
        return add(new Column<>(this, name, type.dataType(), type));
    }

    /** A column of a domain: {@code column("zip", US_ZIP)}; {@code .array()} makes it an array of the domain. */
    protected final <T> Column<T> column(String name, Domain<T> domain) {
        Objects.requireNonNull(domain, () -> "The domain of column " + sqlName + "." + name
                + " is null: declare the domain before the tables that use it");
        return add(new Column<>(this, name, domain));
    }

    // ---- table-level declarations -----------------------------------------------------------

    /** A named foreign key over the given columns; finish it with {@code references(...)}. */
    protected final ForeignKey foreignKey(String name, Column<?>... columns) {
        ForeignKey key = new ForeignKey(this, Objects.requireNonNull(name, "foreign key name"), names(columns),
                List.of(), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
        register(key);
        return key;
    }

    protected final Index index(String name) {
        Index index = new Index(this, name, false);
        declaredIndexes.add(index);
        return index;
    }

    protected final Index uniqueIndex(String name) {
        Index index = new Index(this, name, true);
        declaredIndexes.add(index);
        return index;
    }

    /** A composite primary key with PostgreSQL's default name. */
    protected final Constraint primaryKey(Column<?>... columns) {
        return addConstraint(new Constraint(Constraint.Kind.PRIMARY_KEY, Optional.empty(), names(columns)));
    }

    protected final Constraint primaryKey(String name, Column<?>... columns) {
        return addConstraint(new Constraint(Constraint.Kind.PRIMARY_KEY, Optional.of(name), names(columns)));
    }

    protected final Constraint unique(String name, Column<?>... columns) {
        return addConstraint(new Constraint(Constraint.Kind.UNIQUE, Optional.of(name), names(columns)));
    }

    /** A primary key checked as {@code deferral} says ({@code DEFERRABLE [INITIALLY DEFERRED]}). */
    protected final Constraint primaryKey(String name, Deferral deferral, Column<?>... columns) {
        return addConstraint(new Constraint(Constraint.Kind.PRIMARY_KEY, Optional.of(name), names(columns), false, deferral));
    }

    /** A unique constraint checked as {@code deferral} says ({@code DEFERRABLE [INITIALLY DEFERRED]}). */
    protected final Constraint unique(String name, Deferral deferral, Column<?>... columns) {
        return addConstraint(new Constraint(Constraint.Kind.UNIQUE, Optional.of(name), names(columns), false, deferral));
    }

    /** {@code UNIQUE NULLS NOT DISTINCT}, checked as {@code deferral} says. */
    protected final Constraint uniqueNullsNotDistinct(String name, Deferral deferral, Column<?>... columns) {
        return addConstraint(new Constraint(Constraint.Kind.UNIQUE, Optional.of(name), names(columns), true, deferral));
    }

    /** An exclusion constraint; add its elements with {@code .with(column, operator)}. */
    protected final Exclusion exclude(String name) {
        Exclusion exclusion = new Exclusion(this, name, IndexMethod.GIST, List.of(), null, Deferral.NOT_DEFERRABLE);
        declaredExclusions.add(exclusion);
        return exclusion;
    }

    /**
     * Declares that this table was called {@code previousName} (in the same schema) before, so that
     * {@code sleet generate} and {@code sleet push} rename it, keeping its rows, instead of asking
     * whether it is a new table. Call it in the constructor: {@code super("accounts"); renamedFrom("users");}.
     * Once the rename has been generated the declaration is harmless and may be removed.
     */
    protected final void renamedFrom(String previousName) {
        this.previousSqlName = Objects.requireNonNull(previousName, "previousName");
    }

    /** A unique constraint under which NULLs are equal: {@code UNIQUE NULLS NOT DISTINCT} (PostgreSQL 15). */
    protected final Constraint uniqueNullsNotDistinct(String name, Column<?>... columns) {
        return addConstraint(new Constraint(Constraint.Kind.UNIQUE, Optional.of(name), names(columns), true));
    }

    /**
     * A check constraint; write the expression as PostgreSQL prints it back
     * ({@code "(price > (0)::numeric)"}), see {@link Check}.
     */
    protected final Check check(String name, String expression) {
        Check check = new Check(name, expression);
        declaredChecks.add(check);
        return check;
    }

    /**
     * A check constraint marked {@code NOT VALID}: rows already in the table are not checked, new and
     * changed rows are. Declaring it with {@link #check} later validates it in place.
     */
    protected final Check checkNotValid(String name, String expression) {
        Check check = new Check(name, expression, true);
        declaredChecks.add(check);
        return check;
    }

    /** A row-level security policy; finish it with {@code .using(...)}, {@code .to(...)} and so on. */
    protected final Policy policy(String name) {
        Policy policy = new Policy(this, name);
        declaredPolicies.add(policy);
        return policy;
    }

    /**
     * A trigger, by its definition as PostgreSQL prints it
     * ({@code "CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch()"}), see {@link Trigger}.
     */
    protected final Trigger trigger(String name, String definition) {
        Trigger trigger = new Trigger(this, name, definition, Enabled.ORIGIN);
        declaredTriggers.add(trigger);
        return trigger;
    }

    /** {@code ENABLE ROW LEVEL SECURITY}; call it in the constructor, after {@code super(...)}. */
    protected final void enableRowLevelSecurity() {
        this.rowLevelSecurity = true;
    }

    /**
     * {@code FORCE ROW LEVEL SECURITY}: the policies bind the table's owner too (once row-level
     * security is enabled); call it in the constructor, after {@code super(...)}.
     */
    protected final void forceRowLevelSecurity() {
        this.forceRowLevelSecurity = true;
    }

    /** The table's {@code COMMENT ON TABLE}; call it in the constructor, after {@code super(...)}. */
    protected final void comment(String text) {
        this.sqlComment = Objects.requireNonNull(text, "comment");
    }

    /**
     * {@code ALTER TABLE ... CLUSTER ON index}: the index (or primary key or unique constraint, by
     * its name) that a later {@code CLUSTER} orders the rows by; call it in the constructor, after
     * {@code super(...)}.
     */
    protected final void clusterOn(String indexName) {
        this.clusterIndex = Objects.requireNonNull(indexName, "indexName");
    }

    /**
     * A storage parameter, {@code CREATE TABLE ... WITH (fillfactor=70)}: {@code storageParameter("fillfactor", "70")},
     * {@code storageParameter("autovacuum_vacuum_scale_factor", "0.1")}; call it in the constructor, after
     * {@code super(...)}. The value is compared as PostgreSQL keeps it ({@code pg_class.reloptions}): as written.
     */
    protected final void storageParameter(String name, String value) {
        storageParameters.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    }

    /** {@code PARTITION BY RANGE (columns)}; call it in the constructor, after {@code super(...)}. */
    protected final void partitionByRange(Column<?>... columns) {
        partitionBy(Partitioning.Strategy.RANGE, keys(columns));
    }

    /** {@code PARTITION BY LIST (columns)}; call it in the constructor, after {@code super(...)}. */
    protected final void partitionByList(Column<?>... columns) {
        partitionBy(Partitioning.Strategy.LIST, keys(columns));
    }

    /** {@code PARTITION BY HASH (columns)}; call it in the constructor, after {@code super(...)}. */
    protected final void partitionByHash(Column<?>... columns) {
        partitionBy(Partitioning.Strategy.HASH, keys(columns));
    }

    /** Partitioned by columns and expressions, in key order; call it in the constructor. */
    protected final void partitionBy(Partitioning.Strategy strategy, Partitioning.Key... keys) {
        this.sqlPartitioning = new Partitioning(strategy, List.of(keys));
    }

    /**
     * Makes this table a partition of {@code parent}, holding the rows within {@code bound}, written
     * as PostgreSQL prints it back: {@code "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"},
     * {@code "FOR VALUES IN ('eu', 'uk')"}, {@code "FOR VALUES WITH (modulus 4, remainder 0)"} or
     * {@code "DEFAULT"}. Its columns are the parent's (columns it declares are for queries only).
     * Call it in the constructor: {@code partitionOf(() -> ORDERS, "DEFAULT");}.
     */
    protected final void partitionOf(Supplier<? extends Table<?>> parent, String bound) {
        this.partitionParent = Objects.requireNonNull(parent, "parent");
        this.partitionBound = Objects.requireNonNull(bound, "bound");
    }

    /**
     * A check constraint of this table alone: tables that inherit from it do not get it
     * ({@code CHECK (...) NO INHERIT}).
     */
    protected final Check checkNoInherit(String name, String expression) {
        return check(new Check(name, expression, false, true));
    }

    /** A check constraint with every option spelled out: {@code check(new Check(name, expression, notValid, noInherit))}. */
    protected final Check check(Check check) {
        declaredChecks.add(Objects.requireNonNull(check, "check"));
        return check;
    }

    /**
     * Makes this table inherit from {@code parents}, in order ({@code CREATE TABLE ... INHERITS (...)}):
     * it has their columns, and their checks not marked {@code NO INHERIT}; rows inserted into it are
     * seen in queries on them. Columns a parent has may be declared here too, for queries, keys and
     * indexes: PostgreSQL makes them from the parent, so only what they carry of their own (a default
     * other than the parent's, NOT NULL the parent lacks, a comment) counts; see {@link #redeclares}.
     * Call it in the constructor: {@code inherits(() -> Schema.EVENTS);}.
     */
    @SafeVarargs
    protected final void inherits(Supplier<? extends Table<?>>... parents) {
        for (Supplier<? extends Table<?>> parent : parents) {
            parentTables.add(Objects.requireNonNull(parent, "parent"));
        }
    }

    /**
     * Declares that {@code columns}, which a parent has too, are also this table's own
     * ({@code pg_attribute.attislocal}): they are listed in its CREATE TABLE, where PostgreSQL
     * merges them with the parent's. Call it in the constructor, after {@link #inherits}.
     */
    protected final void redeclares(Column<?>... columns) {
        for (Column<?> column : columns) {
            redeclaredColumns.add(column.name());
        }
    }

    // ---- reading the table ------------------------------------------------------------------

    /** The tables this one inherits from ({@code INHERITS}), in order. */
    public final List<Table<?>> parents() {
        List<Table<?>> parents = new ArrayList<>();
        for (Supplier<? extends Table<?>> supplier : parentTables) {
            Table<?> parent = supplier.get();
            if (parent == null) {
                throw new IllegalStateException("A parent of table " + sqlName + " is null: declare it before the tables that inherit from it");
            }
            parents.add(parent);
        }
        return parents;
    }

    /** The names of the columns declared with {@link #redeclares}. */
    public final Set<String> redeclaredColumnNames() {
        return Collections.unmodifiableSet(redeclaredColumns);
    }

    /** How this table is partitioned, if it is a partitioned table. */
    public final Optional<Partitioning> partitioning() {
        return Optional.ofNullable(sqlPartitioning);
    }

    /** The table this one is a partition of, if it is a partition. */
    public final Optional<Table<?>> partitionParent() {
        if (partitionParent == null) {
            return Optional.empty();
        }
        Table<?> parent = partitionParent.get();
        if (parent == null) {
            throw new IllegalStateException("The parent of partition " + sqlName + " is null: declare it before its partitions");
        }
        return Optional.of(parent);
    }

    /** The bound of this partition ({@code FOR VALUES ...} or {@code DEFAULT}), if it is a partition. */
    public final Optional<String> partitionBound() {
        return Optional.ofNullable(partitionBound);
    }


    /** The name declared with {@link #renamedFrom(String)}, if any. */
    public final Optional<String> previousTableName() {
        return Optional.ofNullable(previousSqlName);
    }

    /** Columns declared with {@link Column#renamedFrom(String)}: new SQL name to previous SQL name, in declaration order. */
    public final Map<String, String> previousColumnNames() {
        return Collections.unmodifiableMap(previousColumnSqlNames);
    }

    /**
     * Columns declared with {@link Column#allowLossyFrom(String)} or {@link Column#acceptLossFrom(String)}:
     * SQL name to the declaration, in declaration order.
     */
    public final Map<String, LossyTypeChange> lossyTypeChanges() {
        return Collections.unmodifiableMap(lossyTypeChanges);
    }

    /**
     * The database this table is declared for. Tables built with {@code Table(name)} or
     * {@code Table(schema, name)} are PostgreSQL's (drizzle's {@code pgTable}); other databases get
     * table classes of their own (docs/architecture.md, "Dialect-specific column types").
     */
    public final Dialect dialect() {
        return PostgresDialect.INSTANCE;
    }

    /** The table's SQL name. */
    public final String tableName() {
        return sqlName;
    }

    /** The table's SQL schema. */
    public final String schemaName() {
        return sqlSchema;
    }

    /** The table's comment; empty when it has none. */
    public final Optional<String> tableComment() {
        return Optional.ofNullable(sqlComment);
    }

    /** The name of the index the table is clustered on; empty when none. */
    public final Optional<String> clusteredOn() {
        return Optional.ofNullable(clusterIndex);
    }

    /** The table's storage parameters ({@code WITH (...)}) by name, in declaration order; empty when it has none. */
    public final Map<String, String> storageParameters() {
        return Collections.unmodifiableMap(storageParameters);
    }

    /** The alias this instance stands for in queries; empty for the table itself. */
    public final Optional<String> alias() {
        return Optional.ofNullable(sqlAlias);
    }

    /** The name that refers to this instance inside a statement: its alias, else its table name. */
    public final String reference() {
        return sqlAlias != null ? sqlAlias : sqlName;
    }

    /** The columns in declaration order. */
    public final List<Column<?>> columns() {
        return Collections.unmodifiableList(declaredColumns);
    }

    public final List<ForeignKey> foreignKeys() {
        return Collections.unmodifiableList(declaredForeignKeys);
    }

    public final List<Index> indexes() {
        return Collections.unmodifiableList(declaredIndexes);
    }

    /** Table-level primary keys and unique constraints (column-level ones live on the columns). */
    public final List<Constraint> constraints() {
        return Collections.unmodifiableList(declaredConstraints);
    }

    /** The row-level security policies in declaration order. */
    public final List<Policy> policies() {
        return Collections.unmodifiableList(declaredPolicies);
    }

    public final boolean isRowLevelSecurityEnabled() {
        return rowLevelSecurity;
    }

    public final boolean isRowLevelSecurityForced() {
        return forceRowLevelSecurity;
    }

    /** The triggers in declaration order. */
    public final List<Trigger> triggers() {
        return Collections.unmodifiableList(declaredTriggers);
    }

    /** The check constraints in declaration order. */
    public final List<Check> checks() {
        return Collections.unmodifiableList(declaredChecks);
    }

    /** The exclusion constraints in declaration order. */
    public final List<Exclusion> exclusions() {
        return Collections.unmodifiableList(declaredExclusions);
    }

    /** Finds a column by SQL name. */
    public final Optional<Column<?>> column(String name) {
        return declaredColumns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * The same table under an alias, for self-joins: {@code TASKS.as("parent")}. The subclass is
     * instantiated again through its no-argument constructor, so its columns belong to the alias.
     */
    @SuppressWarnings("unchecked")
    public final SELF as(String alias) {
        try {
            Constructor<?> constructor = getClass().getDeclaredConstructor();
            constructor.setAccessible(true);
            Table<?> copy = (Table<?>) constructor.newInstance();
            copy.sqlAlias = Objects.requireNonNull(alias, "alias");
            return (SELF) copy;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(getClass().getName()
                    + " needs a no-argument constructor to be aliased", e);
        }
    }

    @Override
    public String toString() {
        return sqlSchema + "." + sqlName + (sqlAlias == null ? "" : " as " + sqlAlias);
    }

    // ---- package-private plumbing for the immutable parts -----------------------------------

    private <T> Column<T> add(Column<T> column) {
        if (column(column.name()).isPresent()) {
            throw new IllegalArgumentException("Table " + sqlName + " declares column \"" + column.name() + "\" twice");
        }
        declaredColumns.add(column);
        return column;
    }

    private Constraint addConstraint(Constraint constraint) {
        declaredConstraints.add(constraint);
        return constraint;
    }

    void declareColumnRename(String column, String previousName) {
        previousColumnSqlNames.put(column, Objects.requireNonNull(previousName, "previousName"));
    }

    void declareLossyChange(String column, LossyTypeChange change) {
        if (lossyTypeChanges.putIfAbsent(column, change) != null) {
            throw new IllegalStateException("Column " + sqlName + "." + column
                    + " declares allowLossyFrom/acceptLossFrom twice: one declaration answers one type change");
        }
    }

    void register(ForeignKey key) {
        declaredForeignKeys.add(key);
    }

    /** Puts a modified part in the place of the one it was derived from. */
    void replace(Object previous, Object next) {
        List<?> list = previous instanceof Column ? declaredColumns
                : previous instanceof ForeignKey ? declaredForeignKeys
                : previous instanceof Policy ? declaredPolicies
                : previous instanceof Trigger ? declaredTriggers
                : previous instanceof Exclusion ? declaredExclusions : declaredIndexes;
        @SuppressWarnings("unchecked")
        List<Object> parts = (List<Object>) list;
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) == previous) {
                parts.set(i, next);
                return;
            }
        }
        throw new IllegalStateException("A column, key or index was modified after it was replaced: "
                + "chain modifiers on the declaration itself");
    }

    private static Partitioning.Key[] keys(Column<?>... columns) {
        Partitioning.Key[] keys = new Partitioning.Key[columns.length];
        for (int i = 0; i < columns.length; i++) {
            keys[i] = Partitioning.Key.column(columns[i]);
        }
        return keys;
    }

    static List<String> names(Column<?>... columns) {
        List<String> names = new ArrayList<>();
        for (Column<?> column : columns) {
            names.add(column.name());
        }
        return names;
    }
}
