package dev.sleet.kit.postgres;

import dev.sleet.kit.dialect.IntrospectOptions;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.fixtures.AllTypesSchema;
import dev.sleet.kit.snapshot.CodeSnapshots;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotJson;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DDL generated from schema code, executed on a real PostgreSQL and read back through the
 * catalog, gives the very snapshot the code gave: the normal form holds in both directions.
 */
@ExtendWith(PostgresExtension.class)
class PostgresRoundTripTest {

    private static final PostgresDialect PG = PostgresDialect.INSTANCE;
    private static final IntrospectOptions OPTIONS = new IntrospectOptions(List.of("public", "audit"), "sleet", "__sleet_migrations");

    @Test
    void everyTypeAndModifierReadsBackAsDeclared(TestDatabase db) throws SQLException {
        Snapshot code = CodeSnapshots.of(AllTypesSchema.tables(), AllTypesSchema.objects(), PG);
        apply(db, Differ.diff(Snapshot.empty("postgresql"), code));

        Snapshot live = introspect(db);

        assertThat(SnapshotJson.toJson(live.withIdentity(code.id(), code.prevId()))).isEqualTo(SnapshotJson.toJson(code));
        assertThat(Differ.diff(live, code)).isEmpty();
    }

    @Test
    void migratingFromOneSchemaToAnotherLeavesExactlyTheSecond(TestDatabase db) throws SQLException {
        db.execute("""
                CREATE TABLE users (id serial PRIMARY KEY, name varchar(50) DEFAULT 'x', age integer NOT NULL, note text);
                CREATE TABLE posts (id serial PRIMARY KEY, user_id integer CONSTRAINT posts_user_fk REFERENCES users(id),
                                    title text UNIQUE, score integer DEFAULT 0);
                CREATE INDEX posts_title_idx ON posts (title);
                """);
        Snapshot before = introspect(db);
        // The target: name widened with a new default, age nullable and bigint, note dropped,
        // posts.user_id now cascades, a new table, an index on other columns, a dropped unique.
        Snapshot after;
        try (TestDatabase target = TestDatabase.create("sleet_target")) {
            target.execute("""
                    CREATE TABLE users (id serial PRIMARY KEY, name varchar(100) DEFAULT 'y', age bigint, email text NOT NULL DEFAULT '');
                    CREATE TABLE posts (id serial PRIMARY KEY, user_id integer CONSTRAINT posts_user_fk REFERENCES users(id) ON DELETE CASCADE,
                                        title text, score numeric(6,2) DEFAULT 0);
                    CREATE INDEX posts_title_idx ON posts (title, score);
                    CREATE TABLE comments (id bigserial PRIMARY KEY, post_id integer NOT NULL REFERENCES posts(id), body text);
                    """);
            after = introspect(target);
        }
        db.execute("INSERT INTO users (name, age) VALUES ('ann', 40); INSERT INTO posts (user_id, title, score) VALUES (1, 't', 7);");

        apply(db, Differ.diff(before, after));

        Snapshot live = introspect(db);
        assertThat(Differ.diff(live, after)).isEmpty();
        assertThat(SnapshotJson.toJson(live)).isEqualTo(SnapshotJson.toJson(after));
        try (Connection c = db.connect(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT u.name, u.age, p.score FROM users u JOIN posts p ON p.user_id = u.id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("ann");
            assertThat(rs.getLong(2)).isEqualTo(40L);
            assertThat(rs.getBigDecimal(3)).isEqualByComparingTo("7");
        }
    }

    @Test
    void defaultConstraintNamesMatchPostgres(TestDatabase db) throws SQLException {
        String table = "a_table_name_that_is_long_enough_to_be_cut_by_postgres_rules_x";
        String column = "a_column_name_that_is_also_quite_long_for_the_naming_rules";
        // PostgreSQL folds a UNIQUE identical to the primary key into it, so the unique goes on a second column.
        db.execute("CREATE TABLE \"" + table + "\" (\"" + column + "\" integer PRIMARY KEY REFERENCES \""
                + table + "\"(\"" + column + "\"), \"" + column + "2\" integer UNIQUE)");
        Snapshot live = introspect(db);
        var t = live.tables().get("public." + table);
        assertThat(t.primaryKey().name()).isEqualTo(PG.defaultConstraintName(table, List.of(column), "pkey"));
        assertThat(t.uniqueConstraints()).containsKey(PG.defaultConstraintName(table, List.of(column + "2"), "key"));
        assertThat(t.foreignKeys()).containsKey(PG.defaultConstraintName(table, List.of(column), "fkey"));
    }

    private static Snapshot introspect(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return PG.introspect(c, OPTIONS).snapshot();
        }
    }

    private static void apply(TestDatabase db, List<Change> changes) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String sql : PG.sql(changes)) {
                st.execute(sql);
            }
        }
    }
}
