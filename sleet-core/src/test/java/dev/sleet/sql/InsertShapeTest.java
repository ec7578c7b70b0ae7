package dev.sleet.sql;

import dev.sleet.schema.Column;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static dev.sleet.sql.Jira.TAGS;
import static dev.sleet.sql.Jira.USERS;
import static dev.sleet.sql.Sql.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Multi-row inserts keep their rows flat and reuse the rendered text of a shape (table, columns,
 * row count) from {@link InsertShapes}. These pin that the text and values are those of each
 * statement, whatever the cache holds, on the real PostgreSQL.
 */
class InsertShapeTest {

    private static TestDatabase pg;
    private static Database db;

    @BeforeAll
    static void open() {
        pg = TestDatabase.create("sleet_perf8_insert_shape");
        pg.execute(Jira.DDL);
        db = Database.connect(pg.dataSource());
    }

    @AfterAll
    static void close() {
        pg.close();
    }

    @BeforeEach
    void empty() {
        pg.execute("TRUNCATE users, tags RESTART IDENTITY CASCADE; ALTER TABLE users ALTER COLUMN avatar DROP DEFAULT");
        InsertShapes.clear();
    }

    private static List<String> users() {
        return db.select(USERS.username, USERS.name, USERS.avatar).from(USERS).orderBy(USERS.id)
                .fetch(row -> row.get(USERS.username) + "|" + row.get(USERS.name) + "|" + row.get(USERS.avatar));
    }

    @Test
    void aCacheHitBindsOnlyItsOwnStatementsValues() {
        Insert<Object> first = db.insert(USERS).values(r -> r.set(USERS.username, "ann").set(USERS.name, "Ann"))
                .values(r -> r.set(USERS.username, "bob").set(USERS.name, "Bob"));
        assertThat(first.statement().valueList()).containsExactly("ann", "Ann", "bob", "Bob");
        assertThat(InsertShapes.find(db.dialect(), USERS, new Column<?>[] {USERS.username, USERS.name}, 2, 2))
                .as("the first render keeps its shape").isNotNull();
        first.execute();

        Insert<Object> second = db.insert(USERS).values(r -> r.set(USERS.username, "cy").set(USERS.name, "Cy"))
                .values(r -> r.set(USERS.username, "dee").setNull(USERS.name));
        Statement hit = second.statement();
        assertThat(hit.sql()).isEqualTo("insert into \"public\".\"users\" (\"username\", \"name\") values (?, ?), (?, ?)");
        assertThat(hit.valueList()).containsExactly("cy", "Cy", "dee", null);
        assertThat(second.execute()).isEqualTo(2);

        assertThat(users()).containsExactly("ann|Ann|null", "bob|Bob|null", "cy|Cy|null", "dee|null|null");
    }

    @Test
    void rowCountsAndColumnOrdersAreShapesOfTheirOwn() {
        for (int rows = 1; rows <= 3; rows++) {
            int count = rows;
            List<Integer> items = IntStream.range(0, count).boxed().toList();
            db.insert(USERS).values(items, (r, i) -> r.set(USERS.username, "u" + count + i).set(USERS.name, "n" + count + i))
                    .execute();
            // The same row count with the columns the other way round is another statement.
            Insert<Object> swapped = db.insert(USERS)
                    .values(items, (r, i) -> r.set(USERS.name, "m" + count + i).set(USERS.username, "v" + count + i));
            assertThat(swapped.toSql()).contains("(\"name\", \"username\")");
            swapped.execute();
        }
        assertThat(users()).containsExactly(
                "u10|n10|null", "v10|m10|null",
                "u20|n20|null", "u21|n21|null", "v20|m20|null", "v21|m21|null",
                "u30|n30|null", "u31|n31|null", "u32|n32|null", "v30|m30|null", "v31|m31|null", "v32|m32|null");
        // Again, now from the cache: the same text, the new values.
        Insert<Object> again = db.insert(USERS).values(List.of(7, 8), (r, i) -> r.set(USERS.username, "w" + i).set(USERS.name, "x" + i));
        assertThat(again.toSql()).isEqualTo("insert into \"public\".\"users\" (\"username\", \"name\") values (?, ?), (?, ?)");
        assertThat(again.statement().valueList()).containsExactly("w7", "x7", "w8", "x8");
    }

    @Test
    void aRowsValuesNeverReachTheNextRow() {
        // Each row is filled into the same holder: a column the next row leaves out takes its default, not the last value.
        pg.execute("ALTER TABLE users ALTER COLUMN avatar SET DEFAULT 'default.png'");
        db.insert(USERS).values(r -> r.set(USERS.username, "ann").set(USERS.avatar, "a.png"))
                .values(r -> r.set(USERS.username, "bob"))
                .values(r -> r.set(USERS.username, "cy").setNull(USERS.avatar))
                .values(r -> r.setDefault(USERS.avatar).set(USERS.username, "dee")).execute();
        List<String> names = List.of("eve", "fay");
        db.insert(USERS).values(names, (r, name) -> {
            r.set(USERS.username, name);
            if (name.equals("eve")) {
                r.set(USERS.avatar, "e.png");
            }
        }).execute();
        assertThat(users()).containsExactly("ann|null|a.png", "bob|null|default.png", "cy|null|null",
                "dee|null|default.png", "eve|null|e.png", "fay|null|default.png");
    }

    @Test
    void defaultsAndExpressionsAreNotCachedAsValues() {
        pg.execute("ALTER TABLE users ALTER COLUMN avatar SET DEFAULT 'default.png'");
        Insert<Object> withDefault = db.insert(USERS).values(r -> r.set(USERS.username, "ann").set(USERS.avatar, "a.png"))
                .values(r -> r.set(USERS.username, "bob"));
        assertThat(withDefault.toSql()).endsWith("values (?, ?), (?, default)");
        withDefault.execute();
        Insert<Object> expression = db.insert(USERS).values(r -> r.set(USERS.username, upper(value("cy"))).set(USERS.avatar, "c.png"))
                .values(r -> r.set(USERS.username, "dee").set(USERS.avatar, "d.png"));
        assertThat(expression.toSql()).endsWith("values (upper(?), ?), (?, ?)");
        expression.execute();
        // The plain shape of the same columns and row count: all four bound, whatever was rendered before.
        Insert<Object> plain = db.insert(USERS).values(r -> r.set(USERS.username, "eve").set(USERS.avatar, "e.png"))
                .values(r -> r.set(USERS.username, "fay").set(USERS.avatar, "f.png"));
        assertThat(plain.toSql()).endsWith("values (?, ?), (?, ?)");
        plain.execute();
        assertThat(users()).containsExactly("ann|null|a.png", "bob|null|default.png", "CY|null|c.png", "dee|null|d.png",
                "eve|null|e.png", "fay|null|f.png");
    }

    @Test
    void valuesBoundAfterACachedShapeDoNotWriteIntoItsRows() {
        db.insert(TAGS).values(r -> r.set(TAGS.id, 1).set(TAGS.name, "urgent")).values(r -> r.set(TAGS.id, 2).set(TAGS.name, "b"))
                .values(r -> r.set(TAGS.id, 3).set(TAGS.name, "c")).execute();
        // The same shape from the cache (its rows take 6 of 8 cells), then on conflict ... where binds a value after them.
        Insert<Object> upsert = db.insert(TAGS).values(r -> r.set(TAGS.id, 1).set(TAGS.name, "URGENT"))
                .values(r -> r.set(TAGS.id, 2).set(TAGS.name, "B")).values(r -> r.set(TAGS.id, 3).set(TAGS.name, "C"))
                .onConflictDoUpdate(target(TAGS.id), set -> set.set(TAGS.name, excluded(TAGS.name)), eq(TAGS.name, "urgent"));
        Statement once = upsert.statement();
        Statement twice = upsert.statement();
        assertThat(once.valueList()).containsExactly(1, "URGENT", 2, "B", 3, "C", "urgent");
        assertThat(twice.valueList()).isEqualTo(once.valueList());
        assertThat(upsert.execute()).isEqualTo(1);
        assertThat(db.select(TAGS.name).from(TAGS).orderBy(TAGS.id).fetchValues()).containsExactly("URGENT", "b", "c");
        // The cached shape is unchanged by that: a plain insert of it still binds six values.
        Insert<Object> plain = db.insert(TAGS).values(r -> r.set(TAGS.id, 4).set(TAGS.name, "d"))
                .values(r -> r.set(TAGS.id, 5).set(TAGS.name, "e")).values(r -> r.set(TAGS.id, 6).set(TAGS.name, "f"));
        assertThat(plain.statement().valueList()).containsExactly(4, "d", 5, "e", 6, "f");
        assertThat(plain.execute()).isEqualTo(3);
    }

    @Test
    void aCachedShapeAfterACteBindsTheCtesValuesFirst() {
        db.insert(TAGS).values(r -> r.set(TAGS.id, 5).set(TAGS.name, "x")).execute();
        Cte gone = Cte.of("gone", db.delete(TAGS).where(eq(TAGS.name, "x")).returning(TAGS.id));
        List<Integer> ids = db.with(gone).insert(TAGS).values(r -> r.set(TAGS.id, 6).set(TAGS.name, "y"))
                .returning(TAGS.id).fetchValues();
        assertThat(ids).containsExactly(6);
        assertThat(db.select(TAGS.name).from(TAGS).fetchValues()).containsExactly("y");
    }

    @Test
    void moreShapesThanSlotsAndStatementsTooLargeToCache() {
        // 80 row counts: more shapes than the cache has slots, so some replace others; every one stays right.
        for (int rows = 1; rows <= 80; rows++) {
            int count = rows;
            List<Integer> items = IntStream.range(0, count).boxed().toList();
            Insert<Object> insert = db.insert(TAGS).values(items, (r, i) -> r.set(TAGS.name, "t" + count + "-" + i));
            assertThat(insert.statement().count()).isEqualTo(count);
            assertThat(insert.execute()).isEqualTo(count);
        }
        assertThat(db.select(count()).from(TAGS).fetchValue()).isEqualTo(80L * 81 / 2);

        // Past InsertShapes.MAX_CELLS the text is rendered each time and not kept.
        int large = InsertShapes.MAX_CELLS / 2 + 1;
        List<Integer> items = IntStream.range(0, large).boxed().toList();
        Insert<Object> insert = db.insert(USERS).values(items, (r, i) -> r.set(USERS.username, "big" + i).setNull(USERS.name));
        assertThat(insert.execute()).isEqualTo(large);
        assertThat(InsertShapes.find(db.dialect(), USERS, new Column<?>[] {USERS.username, USERS.name}, 2, large))
                .isNull();
        List<String> last = new ArrayList<>(users().subList(large - 2, large));
        assertThat(last).containsExactly("big" + (large - 2) + "|null|null", "big" + (large - 1) + "|null|null");
    }
}
