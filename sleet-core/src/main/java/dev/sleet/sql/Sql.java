package dev.sleet.sql;

import dev.sleet.schema.Column;
import dev.sleet.schema.DataType;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * drizzle's operators as static functions: {@code import static dev.sleet.sql.Sql.*;} then
 * {@code where(and(eq(TASKS.userId, 3), like(TASKS.name, "fix%")))}. Every value is a bound
 * parameter; each operator takes operands of one Java type, so {@code eq(TASKS.id, "3")} does not
 * compile.
 */
public final class Sql {

    private static final DataType<Long> BIGINT = DataType.BIGINT;
    private static final DataType<Integer> INTEGER = DataType.INTEGER;
    private static final DataType<String> TEXT = DataType.TEXT;
    private static final DataType<String[]> TEXT_ARRAY = new DataType<>("text[]", String[].class);
    private static final DataType<Object> UNKNOWN = new DataType<>("unknown", Object.class);

    private Sql() {
    }

    // ---- values -----------------------------------------------------------------------------

    /** A bound value with the type of its Java class: {@code select(value(1).as("one"))}. */
    @SuppressWarnings("unchecked")
    public static <T> Expression<T> value(T value) {
        Objects.requireNonNull(value, "value(null) has no type: use value(null, type)");
        return new Nodes.Param<>(value, null, new DataType<>("unknown", (Class<T>) value.getClass()));
    }

    /** A bound value of a given type, which may be null. */
    public static <T> Expression<T> value(T value, DataType<T> type) {
        return new Nodes.Param<>(value, null, type);
    }

    /** A named value of a {@link Query#prepare() prepared} statement, bound like {@code like} (a column) is. */
    public static <T> Expression<T> placeholder(String name, Expression<T> like) {
        return new Placeholder<>(name, Objects.requireNonNull(like, "like"), null);
    }

    /** A named value of a prepared statement, of a given type. */
    public static <T> Expression<T> placeholder(String name, DataType<T> type) {
        return new Placeholder<>(name, null, Objects.requireNonNull(type, "type"));
    }

    private static <T> Expression<T> param(Expression<T> like, T value) {
        return new Nodes.Param<>(value, like, null);
    }

    // ---- comparisons ------------------------------------------------------------------------

    public static <T> Condition eq(Expression<T> left, T right) {
        return compare(left, " = ", right);
    }

    public static <T> Condition eq(Expression<T> left, Expression<T> right) {
        return new Nodes.Comparison(left, " = ", right);
    }

    public static <T> Condition ne(Expression<T> left, T right) {
        return compare(left, " <> ", right);
    }

    public static <T> Condition ne(Expression<T> left, Expression<T> right) {
        return new Nodes.Comparison(left, " <> ", right);
    }

    public static <T> Condition gt(Expression<T> left, T right) {
        return compare(left, " > ", right);
    }

    public static <T> Condition gt(Expression<T> left, Expression<T> right) {
        return new Nodes.Comparison(left, " > ", right);
    }

    public static <T> Condition gte(Expression<T> left, T right) {
        return compare(left, " >= ", right);
    }

    public static <T> Condition gte(Expression<T> left, Expression<T> right) {
        return new Nodes.Comparison(left, " >= ", right);
    }

    public static <T> Condition lt(Expression<T> left, T right) {
        return compare(left, " < ", right);
    }

    public static <T> Condition lt(Expression<T> left, Expression<T> right) {
        return new Nodes.Comparison(left, " < ", right);
    }

    public static <T> Condition lte(Expression<T> left, T right) {
        return compare(left, " <= ", right);
    }

    public static <T> Condition lte(Expression<T> left, Expression<T> right) {
        return new Nodes.Comparison(left, " <= ", right);
    }

    private static <T> Condition compare(Expression<T> left, String operator, T right) {
        if (right == null) {
            throw new NullPointerException("Comparing " + left + " with null is never true: use isNull(...)");
        }
        return new Nodes.Comparison(left, operator, param(left, right));
    }

    public static <T> Condition between(Expression<T> expression, T low, T high) {
        return new Nodes.Between<>(expression, param(expression, low), param(expression, high), false);
    }

    public static <T> Condition notBetween(Expression<T> expression, T low, T high) {
        return new Nodes.Between<>(expression, param(expression, low), param(expression, high), true);
    }

    public static Condition like(Expression<String> expression, String pattern) {
        return new Nodes.Comparison(expression, " like ", param(expression, pattern));
    }

    public static Condition notLike(Expression<String> expression, String pattern) {
        return new Nodes.Comparison(expression, " not like ", param(expression, pattern));
    }

    /** Case-insensitive {@code like} (PostgreSQL). */
    public static Condition ilike(Expression<String> expression, String pattern) {
        return new Nodes.Comparison(expression, " ilike ", param(expression, pattern));
    }

    public static Condition notIlike(Expression<String> expression, String pattern) {
        return new Nodes.Comparison(expression, " not ilike ", param(expression, pattern));
    }

    /** {@code x in (...)}; an empty collection is false. */
    public static <T> Condition inArray(Expression<T> expression, Collection<? extends T> values) {
        return new Nodes.InList<>(expression, List.copyOf(values), false);
    }

    /** {@code x not in (...)}; an empty collection is true. */
    public static <T> Condition notInArray(Expression<T> expression, Collection<? extends T> values) {
        return new Nodes.InList<>(expression, List.copyOf(values), true);
    }

    /** {@code x in (select ...)}: the subquery selects one expression of the same type. */
    public static <T> Condition inArray(Expression<T> expression, Select<T> subquery) {
        return new Nodes.InSelect(expression, subquery, false);
    }

    public static <T> Condition notInArray(Expression<T> expression, Select<T> subquery) {
        return new Nodes.InSelect(expression, subquery, true);
    }

    public static Condition exists(Select<?> subquery) {
        return new Nodes.Affixed("exists (", subquery, ")");
    }

    public static Condition notExists(Select<?> subquery) {
        return new Nodes.Affixed("not exists (", subquery, ")");
    }

    public static Condition isNull(Expression<?> expression) {
        return new Nodes.Affixed("", expression, " is null");
    }

    public static Condition isNotNull(Expression<?> expression) {
        return new Nodes.Affixed("", expression, " is not null");
    }

    /** Conditions joined with {@code and}; nulls are left out (for optional filters) and none is {@code true}. */
    @SafeVarargs
    public static Condition and(Expression<Boolean>... conditions) {
        return junction(" and ", conditions);
    }

    /** Conditions joined with {@code or}; nulls are left out and none is {@code false}. */
    @SafeVarargs
    public static Condition or(Expression<Boolean>... conditions) {
        return junction(" or ", conditions);
    }

    private static Condition junction(String operator, Expression<Boolean>[] conditions) {
        List<Expression<Boolean>> present = new ArrayList<>(conditions.length);
        for (Expression<Boolean> condition : conditions) {
            if (condition != null) {
                present.add(condition);
            }
        }
        return new Nodes.Junction(operator, present);
    }

    public static Condition not(Expression<Boolean> condition) {
        return new Nodes.Affixed("not (", condition, ")");
    }

    // ---- arithmetic and functions ---------------------------------------------------------

    public static <T extends Number> Expression<T> add(Expression<T> left, T right) {
        return new Nodes.Arithmetic<>(left, " + ", param(left, right));
    }

    public static <T extends Number> Expression<T> add(Expression<T> left, Expression<T> right) {
        return new Nodes.Arithmetic<>(left, " + ", right);
    }

    public static <T extends Number> Expression<T> sub(Expression<T> left, T right) {
        return new Nodes.Arithmetic<>(left, " - ", param(left, right));
    }

    public static <T extends Number> Expression<T> sub(Expression<T> left, Expression<T> right) {
        return new Nodes.Arithmetic<>(left, " - ", right);
    }

    public static <T extends Number> Expression<T> mul(Expression<T> left, T right) {
        return new Nodes.Arithmetic<>(left, " * ", param(left, right));
    }

    public static <T extends Number> Expression<T> mul(Expression<T> left, Expression<T> right) {
        return new Nodes.Arithmetic<>(left, " * ", right);
    }

    /** Division; between integers it truncates, as in SQL. */
    public static <T extends Number> Expression<T> div(Expression<T> left, T right) {
        return new Nodes.Arithmetic<>(left, " / ", param(left, right));
    }

    public static <T extends Number> Expression<T> div(Expression<T> left, Expression<T> right) {
        return new Nodes.Arithmetic<>(left, " / ", right);
    }

    public static <T extends Number> Expression<T> mod(Expression<T> left, T right) {
        return new Nodes.Arithmetic<>(left, " % ", param(left, right));
    }

    public static Expression<String> lower(Expression<String> text) {
        return call("lower", TEXT, text);
    }

    public static Expression<String> upper(Expression<String> text) {
        return call("upper", TEXT, text);
    }

    public static Expression<String> trim(Expression<String> text) {
        return call("trim", TEXT, text);
    }

    /** The number of characters. */
    public static Expression<Integer> length(Expression<String> text) {
        return call("char_length", INTEGER, text);
    }

    /** Characters {@code from} (1-based) on, {@code count} of them. */
    public static Expression<String> substring(Expression<String> text, int from, int count) {
        return call("substr", TEXT, text, value(from), value(count));
    }

    public static Expression<String> replace(Expression<String> text, String from, String to) {
        return call("replace", TEXT, text, param(text, from), param(text, to));
    }

    /** {@code concat(...)}: NULLs count as empty text. */
    @SafeVarargs
    public static Expression<String> concat(Expression<String>... parts) {
        return call("concat", TEXT, (Object[]) parts);
    }

    /** The first non-null argument. */
    @SafeVarargs
    public static <T> Expression<T> coalesce(Expression<T> first, Expression<T>... rest) {
        List<Object> arguments = new ArrayList<>(rest.length + 1);
        arguments.add(first);
        arguments.addAll(Arrays.asList(rest));
        return new Nodes.Call<>("coalesce", first.type(), "", arguments);
    }

    public static <T> Expression<T> coalesce(Expression<T> expression, T fallback) {
        return new Nodes.Call<>("coalesce", expression.type(), "", List.of(expression, param(expression, fallback)));
    }

    /** {@code cast(x as type)}: {@code cast(TASKS.id, DataType.TEXT)}. */
    public static <T> Expression<T> cast(Expression<?> expression, DataType<T> type) {
        return new Nodes.Cast<>(expression, type);
    }

    /**
     * {@code x collate "name"}: compare or sort text by that collation whatever the column's or the
     * database's is: {@code orderBy(collate(TASKS.name, "C"))}. The name is quoted as written.
     */
    public static Expression<String> collate(Expression<String> text, String collation) {
        return new Nodes.Collate(text, Objects.requireNonNull(collation, "collation"));
    }

    /** {@code case when c then v ... else e end}: {@code caseWhen(gt(x, 3), "high").when(gt(x, 1), "mid").otherwise("low")}. */
    public static <T> CaseWhen<T> caseWhen(Expression<Boolean> condition, T result) {
        return new CaseWhen<T>(null).when(condition, result);
    }

    public static <T> CaseWhen<T> caseWhen(Expression<Boolean> condition, Expression<T> result) {
        return new CaseWhen<T>(result.type()).when(condition, result);
    }

    // ---- arrays (PostgreSQL) ------------------------------------------------------------------
    // Only array expressions (Expression<E[]>, such as an .array() column) are accepted: a compile-time check.

    /** {@code array @> ?}: the array holds every one of the values. */
    @SafeVarargs
    public static <E> Condition arrayContains(Expression<E[]> array, E... values) {
        return new Nodes.Comparison(array, " @> ", param(array, values));
    }

    /** {@code array <@ ?}: every element of the array is one of the values. */
    @SafeVarargs
    public static <E> Condition arrayContained(Expression<E[]> array, E... values) {
        return new Nodes.Comparison(array, " <@ ", param(array, values));
    }

    /** {@code array && ?}: the array holds at least one of the values. */
    @SafeVarargs
    public static <E> Condition arrayOverlaps(Expression<E[]> array, E... values) {
        return new Nodes.Comparison(array, " && ", param(array, values));
    }

    /** {@code x = any(array)}: x is an element of the array (another column, or {@link #value(Object, DataType)} of an array). */
    public static <E> Condition eqAny(Expression<E> element, Expression<E[]> array) {
        return new Nodes.Comparison(element, " = ", new Nodes.Call<>("any", array.type(), "", List.of(array)));
    }

    /** {@code x = any(?)} with one bound array: one statement shape for any number of values (unlike {@code in}). */
    @SuppressWarnings("unchecked")
    public static <E> Condition eqAny(Expression<E> element, Collection<? extends E> values) {
        DataType<E> type = element.type();
        E[] array = values.toArray((E[]) Array.newInstance(type.javaType(), values.size()));
        return eqAny(element, value(array, new DataType<>(type.sql() + "[]", (Class<E[]>) array.getClass())));
    }

    /** {@code unnest(array)}: a row per element. */
    @SuppressWarnings("unchecked")
    public static <E> Expression<E> unnest(Expression<E[]> array) {
        DataType<E[]> type = array.type();
        String sql = type.sql().endsWith("[]") ? type.sql().substring(0, type.sql().length() - 2) : type.sql();
        return call("unnest", new DataType<>(sql, (Class<E>) type.javaType().getComponentType()), array);
    }

    // ---- jsonb (PostgreSQL) ------------------------------------------------------------------
    // json values are Strings in Java, like text, so these check the expression's SQL type when built.

    /** {@code json -> key}: the member as jsonb. */
    public static Expression<String> jsonGet(Expression<String> json, String key) {
        return new Nodes.Binary<>(jsonb(json, "->"), " -> ", value(key, TEXT), DataType.JSONB);
    }

    /** {@code json ->> key}: the member as text. */
    public static Expression<String> jsonGetText(Expression<String> json, String key) {
        return new Nodes.Binary<>(jsonb(json, "->>"), " ->> ", value(key, TEXT), TEXT);
    }

    /** {@code json #> path}: the value at a path of keys (and array positions as text), as jsonb. */
    public static Expression<String> jsonPath(Expression<String> json, String... path) {
        return new Nodes.Binary<>(jsonb(json, "#>"), " #> ", value(path.clone(), TEXT_ARRAY), DataType.JSONB);
    }

    /** {@code json #>> path}: the value at a path, as text. */
    public static Expression<String> jsonPathText(Expression<String> json, String... path) {
        return new Nodes.Binary<>(jsonb(json, "#>>"), " #>> ", value(path.clone(), TEXT_ARRAY), TEXT);
    }

    /** {@code json @> ?}: the document holds the given json (written as json text, bound as jsonb). */
    public static Condition jsonContains(Expression<String> json, String document) {
        return new Nodes.Comparison(jsonb(json, "@>"), " @> ", value(document, DataType.JSONB));
    }

    /**
     * {@code json ? key}: the object has the key (or the array the string). Written {@code ??}, which the
     * PostgreSQL JDBC driver sends as {@code ?} (a lone one would be a placeholder).
     */
    public static Condition jsonHasKey(Expression<String> json, String key) {
        return new Nodes.Comparison(jsonb(json, "?"), " ?? ", value(key, TEXT));
    }

    /** {@code jsonb_build_object(k1, v1, k2, v2 ...)}: keys are bound text, values expressions. */
    public static Expression<String> jsonbBuildObject(Map<String, ? extends Expression<?>> members) {
        List<Object> arguments = new ArrayList<>(members.size() * 2);
        members.forEach((key, expression) -> {
            arguments.add(value(key, TEXT));
            arguments.add(expression);
        });
        return new Nodes.Call<>("jsonb_build_object", DataType.JSONB, "", arguments);
    }

    /** {@code jsonb_agg(x)}: the group's values as a jsonb array. */
    public static Expression<String> jsonbAgg(Expression<?> expression) {
        return call("jsonb_agg", DataType.JSONB, expression);
    }

    private static Expression<String> jsonb(Expression<String> json, String operator) {
        String type = json.type().sql();
        if (!type.equals("jsonb") && !type.equals("json")) {
            throw new IllegalArgumentException("Operator " + operator + " needs a json or jsonb expression, not " + type + ": " + json);
        }
        return json;
    }

    // ---- aggregates -------------------------------------------------------------------------

    /** {@code count(*)}. */
    public static Expression<Long> count() {
        return new Nodes.Call<>("count", BIGINT, "", List.of(new Nodes.Keyword("*")));
    }

    /** {@code count(x)}: the rows where x is not null. */
    public static Expression<Long> count(Expression<?> expression) {
        return call("count", BIGINT, expression);
    }

    public static Expression<Long> countDistinct(Expression<?> expression) {
        return new Nodes.Call<>("count", BIGINT, "distinct ", List.of(expression));
    }

    /**
     * {@code sum(x)}, read as x's type. PostgreSQL sums integers as bigint and bigints as numeric;
     * the value is read back into x's Java type, so a sum that outgrows it fails instead of wrapping.
     */
    public static <T extends Number> Expression<T> sum(Expression<T> expression) {
        return call("sum", expression.type(), expression);
    }

    /** {@code avg(x)} as a BigDecimal (PostgreSQL's numeric for integer and numeric input). */
    public static Expression<BigDecimal> avg(Expression<? extends Number> expression) {
        return call("avg", DataType.numeric(null, null), expression);
    }

    public static <T> Expression<T> min(Expression<T> expression) {
        return call("min", expression.type(), expression);
    }

    public static <T> Expression<T> max(Expression<T> expression) {
        return call("max", expression.type(), expression);
    }

    /** {@code aggregate filter (where condition)}: the aggregate over the rows the condition keeps. */
    public static <T> Expression<T> filter(Expression<T> aggregate, Expression<Boolean> condition) {
        return new Window.Filtered<>(aggregate, condition);
    }

    // ---- window functions -------------------------------------------------------------------

    /** An empty window ({@code over ()}: the whole result); add partitionBy, orderBy and a frame. */
    public static Window window() {
        return Window.EMPTY;
    }

    /** {@code function over (window)}: a window function, or an aggregate (a running sum) over a window. */
    public static <T> Expression<T> over(Expression<T> function, Window window) {
        return new Window.Over<>(function, window);
    }

    public static Expression<Long> rowNumber() {
        return call("row_number", BIGINT);
    }

    public static Expression<Long> rank() {
        return call("rank", BIGINT);
    }

    public static Expression<Long> denseRank() {
        return call("dense_rank", BIGINT);
    }

    /** {@code ntile(buckets)}: the bucket (1 to buckets) of the row. */
    public static Expression<Integer> ntile(int buckets) {
        return call("ntile", DataType.INTEGER, value(buckets));
    }

    /** {@code lag(x)}: x of the row before in the window (null for the first). */
    public static <T> Expression<T> lag(Expression<T> expression) {
        return call("lag", expression.type(), expression);
    }

    /** {@code lag(x, offset)}: x of the row {@code offset} rows before. */
    public static <T> Expression<T> lag(Expression<T> expression, int offset) {
        return call("lag", expression.type(), expression, value(offset));
    }

    public static <T> Expression<T> lead(Expression<T> expression) {
        return call("lead", expression.type(), expression);
    }

    public static <T> Expression<T> lead(Expression<T> expression, int offset) {
        return call("lead", expression.type(), expression, value(offset));
    }

    public static <T> Expression<T> firstValue(Expression<T> expression) {
        return call("first_value", expression.type(), expression);
    }

    /** {@code last_value(x)}: mind the frame; by default it ends at the current row's last peer. */
    public static <T> Expression<T> lastValue(Expression<T> expression) {
        return call("last_value", expression.type(), expression);
    }

    private static <T> Expression<T> call(String name, DataType<T> type, Object... arguments) {
        return new Nodes.Call<>(name, type, "", Arrays.asList(arguments));
    }

    // ---- ordering, subqueries, upserts ------------------------------------------------------

    public static Ordering asc(Expression<?> expression) {
        return new Ordering(expression, false, Ordering.Nulls.DEFAULT);
    }

    public static Ordering desc(Expression<?> expression) {
        return new Ordering(expression, true, Ordering.Nulls.DEFAULT);
    }

    /** A one-column subquery as a value: {@code select(USERS.name, scalar(select(count()).from(TASKS).where(...)))}. */
    public static <T> Expression<T> scalar(Select<T> subquery) {
        return new Nodes.Scalar<>(subquery, subquery.valueType());
    }

    /** In {@code onConflictDoUpdate}: the value the insert proposed for the column. */
    public static <T> Expression<T> excluded(Column<T> column) {
        return new Nodes.Excluded<>(column);
    }

    /** A conflict target of columns (a unique index or constraint over exactly these). */
    public static ConflictTarget target(Column<?>... columns) {
        return new ConflictTarget(List.of(columns), null);
    }

    /** A conflict target naming a unique or exclusion constraint. */
    public static ConflictTarget onConstraint(String constraint) {
        return new ConflictTarget(List.of(), Objects.requireNonNull(constraint, "constraint"));
    }

    // ---- raw SQL ----------------------------------------------------------------------------

    /**
     * SQL for what the DSL lacks. Each {@code {}} takes the next argument: a table or column is
     * written as its quoted name, an expression or subquery as its SQL, {@link #identifier} as a
     * quoted name, anything else as a bound parameter. Write a literal {@code {}} as {@code {{}}}
     * and a literal {@code ?} (a jsonb operator) as {@code ??}, as pgjdbc asks.
     */
    public static SqlTemplate<Object> sql(String template, Object... arguments) {
        return new SqlTemplate<>(UNKNOWN, template, arguments);
    }

    /** A typed SQL template, read as {@code type}: {@code sql(Integer.class, "{} * 2", TASKS.id)}. */
    public static <T> SqlTemplate<T> sql(Class<T> type, String template, Object... arguments) {
        return new SqlTemplate<>(new DataType<>("unknown", type), template, arguments);
    }

    /** A typed SQL template with the schema DSL's type (binders of json, enums ... apply). */
    public static <T> SqlTemplate<T> sql(DataType<T> type, String template, Object... arguments) {
        return new SqlTemplate<>(type, template, arguments);
    }

    /** A name to quote inside an SQL template: {@code sql("select * from {}", identifier("my table"))}. */
    public static Object identifier(String name) {
        return new Nodes.Identifier(Objects.requireNonNull(name, "name"));
    }
}
