package dev.sleet.kit.postgres;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.util.List;

import static dev.sleet.kit.postgres.Live.migrate;
import static dev.sleet.kit.postgres.Live.rows;
import static org.assertj.core.api.Assertions.assertThat;

/** Column type changes that need a USING cast, carried out on a real PostgreSQL with rows in the table. */
@ExtendWith(PostgresExtension.class)
class ColumnTypeMigrationTest {

    @Test
    void arraysChangeTypeKeepingTheirValues(TestDatabase db, TestDatabase target) throws SQLException {
        List<String> sql = migrate(db, """
                CREATE TABLE t (a integer[] DEFAULT '{}', b varchar(10)[], c text, d integer[], e text[] DEFAULT ARRAY['x', 'y']);
                INSERT INTO t VALUES ('{1,2}', '{ab}', 'one', '{7}', DEFAULT);
                """, target, """
                CREATE TABLE t (a bigint[] DEFAULT '{0}', b varchar(20)[], c text[] NOT NULL, d integer, e text[] DEFAULT '{"x y"}');
                """);

        assertThat(sql).contains("ALTER TABLE \"t\" ALTER COLUMN \"c\" SET DATA TYPE text[] USING ARRAY[\"c\"]::text[];");
        assertThat(rows(db, "SELECT a::text || b::text || c::text || d || e::text FROM t"))
                .containsExactly("{1,2}{ab}{one}7{x,y}");
    }

    @Test
    void columnsMoveToAndFromEnumTypesAndEnumArrays(TestDatabase db, TestDatabase target) throws SQLException {
        List<String> sql = migrate(db, """
                CREATE TYPE mood AS ENUM ('up', 'down');
                CREATE TABLE t (a text DEFAULT 'up', b mood, c text[], d mood[] DEFAULT '{up}');
                INSERT INTO t VALUES ('down', 'up', '{up,down}', '{down}');
                """, target, """
                CREATE TYPE mood AS ENUM ('up', 'down');
                CREATE TABLE t (a mood DEFAULT 'down', b varchar(10), c mood[], d text[]);
                """);

        assertThat(sql).contains(
                "ALTER TABLE \"t\" ALTER COLUMN \"a\" SET DATA TYPE \"public\".\"mood\" USING \"a\"::text::\"public\".\"mood\";",
                "ALTER TABLE \"t\" ALTER COLUMN \"c\" SET DATA TYPE \"public\".\"mood\"[] USING \"c\"::text[]::\"public\".\"mood\"[];");
        assertThat(rows(db, "SELECT a || ':' || b || ':' || c::text || ':' || d::text FROM t"))
                .containsExactly("down:up:{up,down}:{down}");
    }
}
