package dev.sleet.sql;

import dev.sleet.dialect.Binder;
import dev.sleet.dialect.Dialect;
import dev.sleet.dialect.ErrorKind;
import dev.sleet.dialect.Feature;
import dev.sleet.dialect.UnsupportedFeatureException;
import dev.sleet.schema.Column;
import dev.sleet.schema.Converter;
import dev.sleet.schema.DataType;
import dev.sleet.schema.EnumType;
import dev.sleet.schema.Relation;
import dev.sleet.schema.Table;
import dev.sleet.schema.TableRelations;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static dev.sleet.sql.Board.BOARD;
import static dev.sleet.sql.Board.TAGS;
import static dev.sleet.sql.Board.TASKS;
import static dev.sleet.sql.Board.USERS;
import static dev.sleet.sql.Sql.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The single-statement JSON strategy: one statement whatever the depth, and the same records as the
 * default per-level strategy for every option (nested where, orderBy, limit and offset per parent,
 * relation names, self relations with filters, junctions, extras, counts) and every column type.
 */
@ExtendWith(PostgresExtension.class)
class RelationalSingleStatementTest {

    /** Runs the query both ways (a builder is single use, so it is built twice) and returns the records once they agree. */
    private static <R> List<R> both(DatabaseTest.CountingDataSource counting, Database db, Function<Database, FindMany<R>> query) {
        List<R> perLevel = query.apply(db).fetch();
        counting.borrowed.set(0);
        List<R> single = query.apply(db).singleStatement().fetch();
        assertThat(counting.borrowed).as("statements of the single-statement strategy").hasValue(1);
        assertThat(single).usingRecursiveComparison(EXACT).isEqualTo(perLevel);
        assertThat(query.apply(db).strategy(FindMany.Strategy.SINGLE_STATEMENT).fetch()).usingRecursiveComparison(EXACT)
                .isEqualTo(perLevel);
        return single;
    }

    /** Field by field, arrays by content, and floating point values exactly (AssertJ compares them with a tolerance by default). */
    static final RecursiveComparisonConfiguration EXACT = RecursiveComparisonConfiguration.builder()
            .withComparatorForType(Double::compare, Double.class).withComparatorForType(Float::compare, Float.class)
            .build();

    record Named(String name) {
    }

    record User(int id, String name) {
    }

    record Tag(String name) {
    }

    record TaggedTask(String name, List<Tag> tags, Optional<User> assignee) {
    }

    record Worker(String name, long open, List<TaggedTask> assigned) {
    }

    @Test
    void nestedOptionsThreeLevelsInOneStatement(TestDatabase pg) {
        DatabaseTest.CountingDataSource counting = Board.seeded(pg);
        Database db = Database.connect(counting.dataSource);
        List<Worker> workers = both(counting, db, d -> d.query(BOARD, USERS).findMany(Worker.class)
                .extras(BOARD.count(USERS, "openTasks", null).as("open"))
                .with("assigned", t -> t.orderBy(desc(TASKS.importance))
                        .with("tags", g -> g.orderBy(TAGS.name).limit(2))
                        .with("assignee")));
        assertThat(workers).extracting(Worker::name).containsExactly("Ann", "Bob", "Cy");
        assertThat(workers.get(1).assigned()).containsExactly(
                new TaggedTask("Fix login", List.of(new Tag("backend"), new Tag("urgent")), Optional.of(new User(2, "Bob"))),
                new TaggedTask("Docs index", List.of(new Tag("backend"), new Tag("ui")), Optional.of(new User(2, "Bob"))));
        assertThat(workers.get(2).assigned()).isEmpty();

        both(counting, db, d -> d.query(BOARD, USERS).findMany(Worker.class).where(gt(USERS.id, 1)).orderBy(desc(USERS.name))
                .extras(BOARD.count(USERS, "assigned", eq(TASKS.done, false)).as("open"))
                .with("assigned", t -> t.where(gte(TASKS.importance, 2)).orderBy(TASKS.name).limit(5).offset(1)
                        .with("tags", g -> g.where(ne(TAGS.name, "ui")))
                        .with("assignee", a -> a.columns(USERS.id, USERS.name))));
        both(counting, db, d -> d.query(BOARD, USERS).findMany(Worker.class).limit(2).offset(1)
                .extras(BOARD.count(USERS, "openTasks", null).as("open"))
                .with("assigned", t -> t.limit(0).with("tags").with("assignee")));
    }

    record Authored(String name, User author, Optional<User> assignee, List<Named> openTasks) {
    }

    record Owned(String name, Authored epic) {
    }

    @Test
    void relationNamesAndRelationFilters(TestDatabase pg) {
        DatabaseTest.CountingDataSource counting = Board.seeded(pg);
        Database db = Database.connect(counting.dataSource);
        record Task(String name, User author, Optional<User> assignee) {
        }
        List<Task> tasks = both(counting, db, d -> d.query(BOARD, TASKS).findMany(Task.class).where(lte(TASKS.id, 5))
                .with("author").with("assignee", a -> a.where(ne(USERS.name, "Bob"))));
        assertThat(tasks).extracting(t -> t.author().name(), t -> t.assignee().map(User::name).orElse("-"))
                .containsExactly(tuple("Bob", "Ann"), tuple("Ann", "-"),
                        tuple("Ann", "Ann"), tuple("Bob", "-"),
                        tuple("Ann", "-"));
        // the two ones are left joins of the same table: each needs its own alias, and a missing or filtered-out
        // row must be told apart by its key even when the key is not among the columns the record reads
        record ByName(String name, Named author, Optional<Named> assignee) {
        }
        List<ByName> byName = both(counting, db, d -> d.query(BOARD, TASKS).findMany(ByName.class).where(lte(TASKS.id, 5))
                .with("author", a -> a.columns(USERS.name))
                .with("assignee", a -> a.columns(USERS.name).where(ne(USERS.name, "Bob"))));
        assertThat(byName).extracting(t -> t.author().name(), t -> t.assignee().map(Named::name).orElse("-"))
                .containsExactly(tuple("Bob", "Ann"), tuple("Ann", "-"), tuple("Ann", "Ann"), tuple("Bob", "-"),
                        tuple("Ann", "-"));
        // a joined one's columns and extras get aliases of their own: the top level's orderBy may name an extra
        // whose alias the joined level also uses ("ORDER BY ... is ambiguous" before)
        record Lowered(String name, String lowered) {
        }
        record Sorted(String name, String lowered, Lowered author) {
        }
        Expression<String> lowered = lower(TASKS.name).as("lowered");
        List<Sorted> sorted = both(counting, db, d -> d.query(BOARD, TASKS).findMany(Sorted.class).where(lte(TASKS.id, 3))
                .extras(lowered).orderBy(asc(lowered))
                .with("author", a -> a.columns(USERS.name).extras(lower(USERS.name).as("lowered"))));
        assertThat(sorted).extracting(Sorted::lowered, t -> t.author().lowered())
                .containsExactly(tuple("fix login", "ann"), tuple("plan party", "ann"), tuple("write docs", "bob"));
        record Person(String name, List<Named> openTasks, List<Named> authored) {
        }
        List<Person> people = both(counting, db, d -> d.query(BOARD, USERS).findMany(Person.class)
                .with("openTasks", t -> t.where(gt(TASKS.importance, 1))).with("authored", t -> t.orderBy(desc(TASKS.name))));
        assertThat(people.get(0)).isEqualTo(new Person("Ann", List.of(new Named("Write docs")),
                List.of(new Named("Plan party"), new Named("Fix login"), new Named("Docs search"))));
    }

    record Leaf(int id, String name, Optional<Leaf2> parent) {
    }

    record Leaf2(int id, String name) {
    }

    record Sub(String name, long tagCount, List<SubSub> subtasks, Optional<Leaf> parent) {
    }

    record SubSub(String name, List<Named> subtasks, Leaf2 parent) {
    }

    @Test
    void selfRelationsWithFiltersAtEveryLevel(TestDatabase pg) {
        DatabaseTest.CountingDataSource counting = Board.seeded(pg);
        Database db = Database.connect(counting.dataSource);
        // a task, its subtasks (filtered, counted, each with its parent) and theirs; its parent and the parent's parent
        List<Sub> tree = both(counting, db, d -> d.query(BOARD, TASKS).findMany(Sub.class)
                .extras(BOARD.count(TASKS, "tags", null).as("tagCount"))
                .where(or(eq(TASKS.id, 1), eq(TASKS.id, 5), eq(TASKS.id, 6)))
                .with("subtasks", s -> s.where(ne(TASKS.name, "Docs index")).orderBy(desc(TASKS.id))
                        .extras(BOARD.count(TASKS, "tags", null).as("tagCount"))
                        .with("subtasks", s2 -> s2.where(gt(TASKS.id, 1)).limit(1))
                        .with("parent", p -> p.columns(TASKS.id, TASKS.name)))
                .with("parent", p -> p.where(ne(TASKS.name, "nobody")).with("parent", p2 -> p2.columns(TASKS.id, TASKS.name))));
        assertThat(tree).containsExactly(
                new Sub("Write docs", 1, List.of(new SubSub("Docs search", List.of(new Named("Search ranking")),
                        new Leaf2(1, "Write docs"))), Optional.empty()),
                new Sub("Docs search", 0, List.of(new SubSub("Search ranking", List.of(), new Leaf2(5, "Docs search"))),
                        Optional.of(new Leaf(1, "Write docs", Optional.empty()))),
                new Sub("Search ranking", 0, List.of(), Optional.of(new Leaf(5, "Docs search",
                        Optional.of(new Leaf2(1, "Write docs"))))));

        // a subquery of the level's own table inside a nested self level reads that table, not the level's rows:
        // "subtasks that are the parent of some task"
        record Parent(String name, List<Named> subtasks) {
        }
        List<Parent> parents = both(counting, db, d -> d.query(BOARD, TASKS).findMany(Parent.class).where(eq(TASKS.id, 1))
                .with("subtasks", s -> s.where(inArray(TASKS.id, db.select(TASKS.parentId).from(TASKS)))));
        assertThat(parents).containsExactly(new Parent("Write docs", List.of(new Named("Docs search"))));
    }

    // ---- every column type --------------------------------------------------------------------

    enum Mood { HAPPY, SAD }

    record Email(String address) {
    }

    static final EnumType<Mood> MOOD = EnumType.of("mood", Mood.class, m -> m.name().toLowerCase());
    static final EnumType<String> SIZE = EnumType.of("size", "small", "large");

    static final class Owners extends Table<Owners> {
        final Column<Integer> id = serial("id").primaryKey();
        final Column<String> name = text("name");

        Owners() {
            super("owners");
        }
    }

    static final class Items extends Table<Items> {
        final Column<Integer> id = serial("id").primaryKey();
        final Column<Integer> ownerId = integer("owner_id");
        final Column<Short> small = smallint("small");
        final Column<Long> big = bigint("big");
        final Column<BigDecimal> amount = numeric("amount");
        final Column<Float> ratio = real("ratio");
        final Column<Double> precise = doublePrecision("precise");
        final Column<Boolean> flag = bool("flag");
        final Column<String> body = text("body");
        final Column<String> code = character("code", 3);
        final Column<byte[]> blob = bytea("blob");
        final Column<LocalDate> day = date("day");
        final Column<LocalTime> clock = time("clock");
        final Column<LocalDateTime> local = timestamp("local");
        final Column<OffsetDateTime> instant = timestamptz("instant");
        final Column<String> span = interval("span");
        final Column<UUID> key = uuid("key");
        final Column<String> doc = json("doc");
        final Column<String> docb = jsonb("docb");
        final Column<Integer[]> numbers = integer("numbers").array();
        final Column<String[]> words = text("words").array();
        final Column<LocalDate[]> days = date("days").array();
        final Column<BigDecimal[]> amounts = numeric("amounts").array();
        final Column<OffsetDateTime[]> instants = timestamptz("instants").array();
        final Column<Mood> mood = column("mood", MOOD);
        final Column<Mood[]> moods = column("moods", MOOD).array();
        final Column<String> size = column("size", SIZE);
        final Column<String> ip = column("ip", new DataType<>("inet", String.class));
        final Column<Email> email = text("email").convert(Converter.of(String.class, Email.class, Email::new, Email::address));

        Items() {
            super("items");
        }
    }

    static final Owners OWNERS = new Owners();
    static final Items ITEMS = new Items();
    static final Relational TYPED = Relational.of(
            TableRelations.of(OWNERS, Relation.many("items", ITEMS)),
            TableRelations.of(ITEMS, Relation.one("owner", OWNERS, ITEMS.ownerId, OWNERS.id)));

    record Item(int id, Short small, Long big, BigDecimal amount, Float ratio, Double precise, Boolean flag, String body,
                String code, byte[] blob, LocalDate day, LocalTime clock, LocalDateTime local, OffsetDateTime instant,
                String span, UUID key, String doc, String docb, Integer[] numbers, String[] words, LocalDate[] days,
                BigDecimal[] amounts, OffsetDateTime[] instants, Mood mood, Mood[] moods, String size, String ip,
                Email email, Long less, Object raw) {
    }

    record Owner(String name, List<Item> items) {
    }

    static final String TYPED_DDL = """
            CREATE TYPE mood AS ENUM ('happy', 'sad');
            CREATE TYPE size AS ENUM ('small', 'large');
            CREATE TABLE owners (id serial PRIMARY KEY, name text);
            CREATE TABLE items (id serial PRIMARY KEY, owner_id int REFERENCES owners, small smallint, big bigint,
              amount numeric, ratio real, precise double precision, flag boolean, body text, code char(3), blob bytea,
              day date, clock time, local timestamp, instant timestamptz, span interval, key uuid, doc json, docb jsonb,
              numbers integer[], words text[], days date[], amounts numeric[], instants timestamptz[], mood mood,
              moods mood[], size size, ip inet, email text);
            INSERT INTO owners (name) VALUES ('typed'), ('empty');
            INSERT INTO items (owner_id, small, big, amount, ratio, precise, flag, body, code, blob, day, clock, local,
              instant, span, key, doc, docb, numbers, words, days, amounts, instants, mood, moods, size, ip, email) VALUES
              (1, -32768, 9223372036854775807, 12345678901234567890.123456789012345678900, 0.1, 0.1, true,
               E'quote " backslash \\\\ newline \\n tab \\t unicode \\u00e9 \\U0001F600 nul-free', 'ab',
               '\\x00ff10807f', '0044-03-15 BC', '24:00', '2026-01-02 10:00:00.123456',
               '1850-01-01 12:00:00+00:09:21', '1 year 2 mons 3 days 04:05:06.5', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
               '{"b": 1,   "a": [1, 2.50]}', '{"b": 1,   "a": [1, 2.50]}', '{1,NULL,3}', '{"x","","a,b",NULL}',
               '{2026-01-02,infinity}', '{1.50,NULL,1e-20}', '{"2026-01-02 10:00:00+05:30"}', 'sad', '{happy,sad}',
               'large', '192.168.0.1/24', 'ann@example.com'),
              (1, 0, 0, 'NaN', 'NaN', '-Infinity', false, '', '   ', '', '10000-01-01', '00:00', 'infinity',
               '-infinity', '0', '00000000-0000-0000-0000-000000000000', 'null', '[]', '{}', '{}', '{}', '{}', '{}',
               'happy', '{}', 'small', '::1', ''),
              (1, NULL, NULL, 0.00, 3.4028235e38, 4.9e-324, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2026-06-30 23:59:59.999999+14',
               NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
            """;

    @Test
    void everyColumnTypeKeepsItsJavaTypeAndValue(TestDatabase pg) {
        pg.execute(TYPED_DDL);
        DatabaseTest.CountingDataSource counting = new DatabaseTest.CountingDataSource(pg.dataSource());
        Database db = Database.connect(counting.dataSource);
        // NaN has no BigDecimal: that row is checked apart below
        List<Owner> owners = both(counting, db, d -> d.query(TYPED, OWNERS).findMany(Owner.class)
                .with("items", i -> i.where(ne(ITEMS.id, 2)).extras(sub(ITEMS.big, 1L).as("less"),
                        sql(Object.class, "{}", ITEMS.body).as("raw"))));
        List<Item> items = owners.get(0).items();
        assertThat(items).hasSize(2);
        Item first = items.get(0);
        assertThat(first.amount()).isEqualTo(new BigDecimal("12345678901234567890.123456789012345678900"));
        assertThat(first.amount().scale()).isEqualTo(21);
        assertThat(first.ratio()).isEqualTo(0.1f);
        assertThat(first.blob()).containsExactly(0x00, 0xff, 0x10, 0x80, 0x7f);
        assertThat(first.day()).isEqualTo(LocalDate.of(-43, 3, 15));
        assertThat(first.instant().toInstant()).isEqualTo(OffsetDateTime.of(1850, 1, 1, 11, 50, 39, 0, ZoneOffset.UTC).toInstant());
        assertThat(first.doc()).isEqualTo("{\"b\": 1,   \"a\": [1, 2.50]}");
        assertThat(first.docb()).isEqualTo("{\"a\": [1, 2.50], \"b\": 1}");
        assertThat(first.moods()).containsExactly(Mood.HAPPY, Mood.SAD);
        assertThat(first.days()).containsExactly(LocalDate.of(2026, 1, 2), LocalDate.MAX);
        assertThat(first.clock()).isEqualTo(LocalTime.MAX);
        assertThat(first.amounts()).containsExactly(new BigDecimal("1.50"), null, new BigDecimal("1E-20"));
        assertThat(first.email()).isEqualTo(new Email("ann@example.com"));
        assertThat(owners.get(1).items()).isEmpty();

        // every row from the item side, each with its owner; the NaN row has no BigDecimal, so amount is left out there
        record Parent(String name) {
        }
        record Row(int id, Float ratio, Double precise, LocalDate day, LocalTime clock, LocalDateTime local,
                   OffsetDateTime instant, String span, String doc, String docb, String code, Parent owner) {
        }
        List<Row> rows = both(counting, db, d -> d.query(TYPED, ITEMS).findMany(Row.class).exclude(ITEMS.amount).with("owner"));
        assertThat(rows.get(1).ratio()).isNaN();
        assertThat(rows.get(1).precise()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(rows.get(1).day()).isEqualTo(LocalDate.of(10000, 1, 1));
        assertThat(rows.get(1).local()).isEqualTo(LocalDateTime.MAX);
        assertThat(rows.get(1).instant()).isEqualTo(OffsetDateTime.MIN);
        assertThat(rows.get(2).precise()).isEqualTo(Double.MIN_VALUE);
        record OwnerRows(String name, List<Row> items) {
        }
        both(counting, db, d -> d.query(TYPED, OWNERS).findMany(OwnerRows.class).with("items", i -> i.exclude(ITEMS.amount).with("owner")));
    }

    @Test
    void timestampsWithZoneDoNotDependOnTheSessionTimeZone(TestDatabase pg) {
        pg.execute(TYPED_DDL);
        DataSource plain = pg.dataSource();
        // PostgreSQL writes timestamptz into JSON at the session's offset (+05:45 here); pgjdbc reads the column in UTC
        DataSource kathmandu = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = method.invoke(plain, args);
                    if (method.getName().equals("getConnection")) {
                        try (Statement statement = ((Connection) result).createStatement()) {
                            statement.execute("SET TIME ZONE 'Asia/Kathmandu'");
                        }
                    }
                    return result;
                });
        DatabaseTest.CountingDataSource counting = new DatabaseTest.CountingDataSource(kathmandu);
        Database db = Database.connect(counting.dataSource);
        record Stamp(OffsetDateTime instant, OffsetDateTime[] instants) {
        }
        record Stamps(String name, List<Stamp> items) {
        }
        List<Stamps> owners = both(counting, db, d -> d.query(TYPED, OWNERS).findMany(Stamps.class)
                .with("items", i -> i.where(ne(ITEMS.id, 2))));
        Stamp first = owners.get(0).items().get(0);
        assertThat(first.instant()).isEqualTo(OffsetDateTime.of(1850, 1, 1, 11, 50, 39, 0, ZoneOffset.UTC));
        assertThat(first.instants()).containsExactly(OffsetDateTime.of(2026, 1, 2, 4, 30, 0, 0, ZoneOffset.UTC));
    }

    // ---- the key-passing seam ---------------------------------------------------------------

    /** PostgreSQL as a database without array parameters (MySQL, SQLite) or lateral joins would be. */
    record Without(Dialect postgres, Feature missing) implements Dialect {
        @Override
        public String name() {
            return postgres.name();
        }

        @Override
        public String quote(String identifier) {
            return postgres.quote(identifier);
        }

        @Override
        public String stringLiteral(String text) {
            return postgres.stringLiteral(text);
        }

        @Override
        public boolean supports(Feature feature) {
            return feature != missing;
        }

        @Override
        public void renderLimitOffset(StringBuilder sql, Integer limit, Integer offset) {
            postgres.renderLimitOffset(sql, limit, offset);
        }

        @Override
        public <T> Binder<T> binder(Column<T> column) {
            return postgres.binder(column);
        }

        @Override
        public <T> Binder<T> binder(DataType<T> type) {
            if (missing == Feature.ARRAY_PARAMETERS && type.javaType().isArray()) {
                throw new IllegalStateException("this dialect has no arrays: " + type.sql());
            }
            return postgres.binder(type);
        }

        @Override
        public ErrorKind errorKind(String sqlState) {
            return postgres.errorKind(sqlState);
        }

        @Override
        public String arrayElementType(String sqlType) {
            return postgres.arrayElementType(sqlType);
        }
    }

    @Test
    void withoutArrayParametersKeysTravelAsAListOfBoundValues(TestDatabase pg) {
        DatabaseTest.CountingDataSource counting = Board.seeded(pg);
        Database arrays = Database.connect(counting.dataSource);
        Database lists = Database.connect(counting.dataSource, new Without(Dialect.postgresql(), Feature.ARRAY_PARAMETERS));
        Function<Database, FindMany<Worker>> query = d -> d.query(BOARD, USERS).findMany(Worker.class)
                .extras(BOARD.count(USERS, "openTasks", null).as("open"))
                .with("assigned", t -> t.orderBy(desc(TASKS.importance)).with("tags", g -> g.limit(2)).with("assignee"));
        List<Worker> expected = query.apply(arrays).fetch();
        counting.borrowed.set(0);
        assertThat(query.apply(lists).fetch()).isEqualTo(expected);
        assertThat(counting.borrowed).hasValue(4);
    }

    @Test
    void withoutLateralJoinsTheSingleStatementIsAnErrorBeforeAnyStatement(TestDatabase pg) {
        DatabaseTest.CountingDataSource counting = Board.seeded(pg);
        Database db = Database.connect(counting.dataSource, new Without(Dialect.postgresql(), Feature.LATERAL));
        record Holder(String name, List<Named> assigned) {
        }
        assertThatThrownBy(() -> db.query(BOARD, USERS).findMany(Holder.class).with("assigned").singleStatement().fetch())
                .isInstanceOf(UnsupportedFeatureException.class)
                .hasMessage("LATERAL joins is not available on postgresql");
        assertThat(counting.borrowed).hasValue(0);
        assertThat(db.query(BOARD, USERS).findMany(Named.class).singleStatement().fetch()).hasSize(3);
    }

    /**
     * The statement up to the top level's where is kept with the plan: a second call of the same shape
     * binds its own values (the kept text binds none), a nested level with options of its own is
     * written again, and a database whose dialect lacks lateral joins still fails, kept text or not.
     */
    @Test
    void theKeptStatementHeadServesOtherValuesNestedOptionsAndDialects(TestDatabase pg) {
        DatabaseTest.CountingDataSource counting = Board.seeded(pg);
        Database db = Database.connect(counting.dataSource);
        record Holder(String name, List<Named> assigned) {
        }
        Function<Integer, List<Holder>> byId = id -> db.query(BOARD, USERS).findMany(Holder.class)
                .where(eq(USERS.id, id)).with("assigned").singleStatement().fetch();
        assertThat(byId.apply(1)).containsExactly(new Holder("Ann", List.of(new Named("Write docs"), new Named("Plan party"))));
        assertThat(byId.apply(2)).containsExactly(new Holder("Bob", List.of(new Named("Fix login"), new Named("Docs index"))));
        assertThat(byId.apply(3)).containsExactly(new Holder("Cy", List.of()));
        assertThat(db.query(BOARD, USERS).findMany(Holder.class).where(eq(USERS.id, 2))
                .with("assigned", t -> t.where(eq(TASKS.importance, 4))).singleStatement().fetch())
                .containsExactly(new Holder("Bob", List.of(new Named("Docs index"))));
        assertThat(byId.apply(2)).containsExactly(new Holder("Bob", List.of(new Named("Fix login"), new Named("Docs index"))));
        Database noLateral = Database.connect(counting.dataSource, new Without(Dialect.postgresql(), Feature.LATERAL));
        assertThatThrownBy(() -> noLateral.query(BOARD, USERS).findMany(Holder.class).where(eq(USERS.id, 1))
                .with("assigned").singleStatement().fetch()).isInstanceOf(UnsupportedFeatureException.class);
    }
}
