package dev.sleet.kit.postgres;

import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.util.List;

import static dev.sleet.kit.postgres.Live.introspect;
import static dev.sleet.kit.postgres.Live.migrate;
import static dev.sleet.kit.postgres.Live.rows;
import static org.assertj.core.api.Assertions.assertThat;

/** Views, materialized views and comments, read from the catalog and migrated on a real PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class ViewMigrationTest {

    @Test
    void viewsReadBackInNormalisedViewdefFormWithOptionsAndComments(TestDatabase db) throws SQLException {
        db.execute("""
                CREATE SCHEMA audit;
                CREATE TABLE users (id int, name text, active boolean);
                CREATE VIEW active_users WITH (security_barrier) AS SELECT id, name FROM users WHERE active;
                CREATE MATERIALIZED VIEW audit.counts WITH (fillfactor = 70) AS SELECT count(*) AS n FROM users WITH NO DATA;
                COMMENT ON VIEW active_users IS 'who''s in';
                COMMENT ON TABLE users IS 'people';
                COMMENT ON COLUMN users.name IS 'full name';
                """);

        Snapshot live = introspect(db);

        assertThat(live.views()).containsOnlyKeys("audit.counts", "public.active_users");
        assertThat(live.views().get("public.active_users")).isEqualTo(new ViewSnapshot("public", "active_users",
                "SELECT users.id, users.name FROM users WHERE users.active", false,
                new java.util.TreeMap<>(java.util.Map.of("security_barrier", "true")), false, "who's in"));
        assertThat(live.views().get("audit.counts").materialized()).isTrue();
        assertThat(live.views().get("audit.counts").with()).containsEntry("fillfactor", "70");
        assertThat(live.schemas()).contains("audit");
        assertThat(live.tables().get("public.users").comment()).isEqualTo("people");
        assertThat(live.tables().get("public.users").columns().get("name").comment()).isEqualTo("full name");
    }

    @Test
    void viewsAreRecreatedAroundTheChangesUnderThem(TestDatabase db, TestDatabase target) throws SQLException {
        List<String> sql = migrate(db, """
                CREATE TABLE users (id int, name varchar(10), active boolean);
                CREATE VIEW named AS SELECT id, name FROM users;
                CREATE VIEW active AS SELECT named.id FROM named JOIN users USING (id) WHERE users.active;
                CREATE VIEW unrelated AS SELECT 1 AS one;
                CREATE MATERIALIZED VIEW totals AS SELECT count(*) AS n FROM users;
                CREATE VIEW gone AS SELECT 2 AS two;
                INSERT INTO users VALUES (1, 'ann', true);
                """, target, """
                CREATE TABLE users (id int, name varchar(50), active boolean);
                CREATE VIEW named AS SELECT id, name FROM users;
                CREATE VIEW active AS SELECT named.id FROM named JOIN users USING (id) WHERE users.active;
                CREATE VIEW unrelated AS SELECT 1 AS one;
                CREATE MATERIALIZED VIEW totals AS SELECT count(*) AS n, max(id) AS top FROM users;
                COMMENT ON VIEW unrelated IS 'still here';
                """);

        assertThat(sql).containsExactly(
                // dependents dropped first, dependencies created first
                "DROP VIEW \"active\";",
                "DROP MATERIALIZED VIEW \"totals\";",
                "DROP VIEW \"named\";",
                "DROP VIEW \"gone\";",
                "ALTER TABLE \"users\" ALTER COLUMN \"name\" SET DATA TYPE varchar(50);",
                "CREATE VIEW \"named\" AS SELECT users.id, users.name FROM users;",
                "CREATE MATERIALIZED VIEW \"totals\" AS SELECT count(*) AS n, max(users.id) AS top FROM users;",
                "CREATE VIEW \"active\" AS SELECT named.id FROM (named JOIN users USING (id)) WHERE users.active;",
                "COMMENT ON VIEW \"unrelated\" IS 'still here';");
        assertThat(rows(db, "SELECT n || ',' || top FROM totals")).containsExactly("1,1");
        assertThat(rows(db, "SELECT id::text FROM active")).containsExactly("1");
    }

    @Test
    void defaultsAndCommentsOfViewColumnsChangeInPlaceAndComeBackOnARemadeView(TestDatabase db, TestDatabase target)
            throws SQLException {
        List<String> sql = migrate(db, """
                CREATE TABLE items (id int, name text, status text);
                CREATE VIEW open_items AS SELECT id, name, status FROM items;
                ALTER VIEW open_items ALTER COLUMN status SET DEFAULT 'new';
                COMMENT ON COLUMN open_items.name IS 'shown';
                CREATE VIEW remade AS SELECT id FROM items;
                ALTER VIEW remade ALTER COLUMN id SET DEFAULT 0;
                COMMENT ON COLUMN remade.id IS 'kept';
                """, target, """
                CREATE TABLE items (id int, name text, status text);
                CREATE VIEW open_items AS SELECT id, name, status FROM items;
                ALTER VIEW open_items ALTER COLUMN name SET DEFAULT 'unnamed';
                COMMENT ON COLUMN open_items.status IS 'state';
                CREATE VIEW remade AS SELECT id, name FROM items;
                ALTER VIEW remade ALTER COLUMN id SET DEFAULT 0;
                COMMENT ON COLUMN remade.id IS 'kept';
                """);

        assertThat(sql).containsExactly(
                "DROP VIEW \"remade\";",
                "CREATE VIEW \"remade\" AS SELECT items.id, items.name FROM items;",
                // a view made anew has lost its columns' defaults and comments
                "ALTER VIEW \"remade\" ALTER COLUMN \"id\" SET DEFAULT 0;",
                "ALTER VIEW \"open_items\" ALTER COLUMN \"name\" SET DEFAULT 'unnamed'::text;",
                "ALTER VIEW \"open_items\" ALTER COLUMN \"status\" DROP DEFAULT;",
                "COMMENT ON COLUMN \"remade\".\"id\" IS 'kept';",
                "COMMENT ON COLUMN \"open_items\".\"name\" IS NULL;",
                "COMMENT ON COLUMN \"open_items\".\"status\" IS 'state';");
    }
}
