package dev.sleet.kit.rename;

import dev.sleet.kit.Output;
import dev.sleet.kit.dialect.IntrospectOptions;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.diff.Renames;
import dev.sleet.kit.postgres.PostgresDialect;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renames settled by the planner, carried out by the differ and executed on a real database with
 * rows in it: the rows survive, and a type or constraint change made together with a rename is
 * applied as well.
 */
@ExtendWith(PostgresExtension.class)
class RenameDataTest {

    private static final PostgresDialect PG = PostgresDialect.INSTANCE;

    @Test
    void renamedSchemaTableAndColumnKeepTheirRowsAndTheTypeAndNotNullChangesApply(TestDatabase db) throws SQLException {
        db.execute("""
                CREATE SCHEMA finance;
                CREATE TABLE finance.invoices (id serial PRIMARY KEY, amount numeric(8,2));
                CREATE TABLE users (id serial PRIMARY KEY, name varchar(50), email text);
                CREATE TABLE posts (id serial PRIMARY KEY, author_id integer CONSTRAINT posts_author_fk REFERENCES users(id), body text);
                CREATE INDEX users_name_idx ON users (name);
                INSERT INTO finance.invoices (amount) VALUES (12.50), (7.25);
                INSERT INTO users (name, email) VALUES ('Ann', 'ann@example.com'), ('Bob', 'bob@example.com');
                INSERT INTO posts (author_id, body) VALUES (1, 'hello'), (2, 'world');
                """);
        Snapshot before = introspect(db);
        Snapshot target;
        try (TestDatabase other = TestDatabase.create("sleet_rename_target")) {
            // The schema as the code now declares it: finance -> billing, users -> accounts,
            // name -> full_name widened and NOT NULL, email -> mail, the index follows the column.
            other.execute("""
                    CREATE SCHEMA billing;
                    CREATE TABLE billing.invoices (id serial PRIMARY KEY, amount numeric(8,2));
                    CREATE TABLE accounts (id serial CONSTRAINT users_pkey PRIMARY KEY, full_name varchar(120) NOT NULL, mail text);
                    CREATE TABLE posts (id serial PRIMARY KEY, author_id integer CONSTRAINT posts_author_fk REFERENCES accounts(id), body text);
                    CREATE INDEX users_name_idx ON accounts (full_name);
                    """);
            target = introspect(other);
        }
        // PostgreSQL keeps a serial column's sequence name across a table rename; the target's catalog names it
        // after the new table, so the migration renames the sequence too (else the next pull sees another name).
        RenamePlanner.Plan plan = RenameDecisions.decide(before, target, new RenameInput(
                List.of("finance=billing", "public.users=public.accounts", "public.accounts.name=public.accounts.full_name",
                        "public.accounts.email=public.accounts.mail"), List.of(), null),
                DeclaredRenames.NONE, Output.SILENT, "nothing was changed");
        List<Change> changes = Differ.diff(before, target, plan.renames());
        List<String> sql = PG.sql(changes);
        assertThat(sql).containsExactly(
                "ALTER SCHEMA \"finance\" RENAME TO \"billing\";",
                "ALTER TABLE \"users\" RENAME TO \"accounts\";",
                "ALTER TABLE \"accounts\" RENAME COLUMN \"email\" TO \"mail\";",
                "ALTER TABLE \"accounts\" RENAME COLUMN \"name\" TO \"full_name\";",
                "ALTER SEQUENCE \"users_id_seq\" RENAME TO \"accounts_id_seq\";",
                "ALTER TABLE \"accounts\" ALTER COLUMN \"full_name\" SET DATA TYPE varchar(120);",
                "ALTER TABLE \"accounts\" ALTER COLUMN \"full_name\" SET NOT NULL;");

        apply(db, sql);

        assertThat(Differ.diff(introspect(db), target)).isEmpty();
        assertThat(rows(db, "SELECT a.full_name || ' ' || a.mail || ' ' || p.body FROM accounts a JOIN posts p ON p.author_id = a.id ORDER BY a.id"))
                .containsExactly("Ann ann@example.com hello", "Bob bob@example.com world");
        assertThat(rows(db, "SELECT amount::text FROM billing.invoices ORDER BY id")).containsExactly("12.50", "7.25");
        // new rows still get ids from the renamed table's sequence
        db.execute("INSERT INTO accounts (full_name) VALUES ('Cy')");
        assertThat(rows(db, "SELECT id::text FROM accounts WHERE full_name = 'Cy'")).containsExactly("3");
    }

    @Test
    void withoutTheRenameTheSameChangeWouldDropTheColumn(TestDatabase db) throws SQLException {
        db.execute("CREATE TABLE users (id serial PRIMARY KEY, name varchar(50)); INSERT INTO users (name) VALUES ('Ann');");
        Snapshot before = introspect(db);
        db.execute("ALTER TABLE users RENAME COLUMN name TO full_name");
        Snapshot after = introspect(db);
        db.execute("ALTER TABLE users RENAME COLUMN full_name TO name");
        assertThat(PG.sql(Differ.diff(before, after, Renames.NONE)))
                .containsExactly("ALTER TABLE \"users\" ADD COLUMN \"full_name\" varchar(50);", "ALTER TABLE \"users\" DROP COLUMN \"name\";");
        assertThat(RenamePlanner.plan(before, after, RenameResolver.NONE).open()).hasSize(1);
    }

    static Snapshot introspect(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return PG.introspect(c, new IntrospectOptions(List.of("public", "finance", "billing"), "sleet", "__sleet_migrations")).snapshot();
        }
    }

    static void apply(TestDatabase db, List<String> sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (String statement : sql) {
                st.execute(statement);
            }
            c.commit();
        }
    }

    static List<String> rows(TestDatabase db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
