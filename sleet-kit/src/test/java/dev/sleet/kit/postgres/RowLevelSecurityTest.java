package dev.sleet.kit.postgres;

import dev.sleet.kit.dialect.IntrospectOptions;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.snapshot.CodeSnapshots;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotJson;
import dev.sleet.schema.Column;
import dev.sleet.schema.Policy;
import dev.sleet.schema.Role;
import dev.sleet.schema.Table;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static dev.sleet.kit.postgres.Live.PG;
import static dev.sleet.kit.postgres.Live.apply;
import static dev.sleet.kit.postgres.Live.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roles, row-level security and policies on a real PostgreSQL. Roles belong to the whole cluster,
 * so each test uses role names of its own and drops them afterwards.
 */
@ExtendWith(PostgresExtension.class)
class RowLevelSecurityTest {

    private final String suffix = Long.toHexString(System.nanoTime());
    private final String reader = "sleet_reader_" + suffix;
    private final String admin = "sleet_admin_" + suffix;
    private final List<TestDatabase> databases = new ArrayList<>();

    /** Notes, readable by their owner only; admins may do anything. */
    final class Notes extends Table<Notes> {
        final Column<String> owner = text("owner").notNull();
        final Column<String> body = text("body");
        final Policy own = policy("notes_own").to(reader).using("(owner = CURRENT_USER)");
        final Policy admins = policy("notes_admins").to(admin, reader).forCommand(Policy.Command.INSERT)
                .withCheck("(body IS NOT NULL)");
        final Policy noEmpty = policy("notes_no_empty").restrictive().using("(body <> ''::text)");

        Notes() {
            super("notes");
            enableRowLevelSecurity();
        }
    }

    /** The same table later: one policy, changed, for another role; row-level security off. */
    final class NotesLater extends Table<NotesLater> {
        final Column<String> owner = text("owner").notNull();
        final Column<String> body = text("body");
        final Policy own = policy("notes_own").to(admin).forCommand(Policy.Command.UPDATE).using("true").withCheck("true");

        NotesLater() {
            super("notes");
        }
    }

    @Test
    void rolesPoliciesAndRowLevelSecurityAreCreatedReadBackAndEnforced(TestDatabase db) throws SQLException {
        databases.add(db);
        Snapshot code = CodeSnapshots.of(List.of(new Notes()),
                List.of(Role.of(reader).login().connectionLimit(3), Role.of(admin).noInherit().createDb()), PG);

        apply(db, Differ.diff(Snapshot.empty("postgresql"), code));

        Snapshot live = introspect(db, List.of(reader, admin, "postgres"));
        // postgres is read because it was named, and only because it was: it is no part of the code
        assertThat(live.roles()).containsOnlyKeys(reader, admin, "postgres");
        Snapshot withoutPostgres = live.withRoles(new java.util.TreeMap<>(code.roles()));
        assertThat(SnapshotJson.toJson(withoutPostgres)).isEqualTo(SnapshotJson.toJson(code));
        assertThat(introspect(db, List.of()).roles()).isEmpty();

        db.execute("INSERT INTO notes VALUES ('" + reader + "', 'mine'), ('someone', 'theirs'), ('" + reader + "', '');"
                + "GRANT SELECT, INSERT ON notes TO " + reader + ";");
        try (Connection c = connectAs(db, reader); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT body FROM notes")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("mine");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void policiesAndRolesChangeAndGo(TestDatabase db) throws SQLException {
        databases.add(db);
        Snapshot before = CodeSnapshots.of(List.of(new Notes()), List.of(Role.of(reader).login(), Role.of(admin)), PG);
        apply(db, Differ.diff(Snapshot.empty("postgresql"), before));

        Snapshot after = CodeSnapshots.of(List.of(new NotesLater()), List.of(Role.of(admin).login()), PG);

        List<String> sql = apply(db, Differ.diff(introspect(db, List.of(reader, admin)), after));

        assertThat(sql).containsExactly(
                "ALTER ROLE \"" + admin + "\" LOGIN;",
                "DROP POLICY \"notes_admins\" ON \"notes\";",
                "DROP POLICY \"notes_no_empty\" ON \"notes\";",
                "DROP POLICY \"notes_own\" ON \"notes\";",
                "ALTER TABLE \"notes\" DISABLE ROW LEVEL SECURITY;",
                "CREATE POLICY \"notes_own\" ON \"notes\" AS PERMISSIVE FOR UPDATE TO \"" + admin + "\" USING (true) WITH CHECK (true);",
                "DROP ROLE \"" + reader + "\";");
        assertThat(Differ.diff(introspect(db, List.of(reader, admin)), after)).isEmpty();
    }

    private static Snapshot introspect(TestDatabase db, List<String> roles) throws SQLException {
        try (Connection c = db.connect()) {
            return PG.introspect(c, new IntrospectOptions(List.of("public"), "sleet", "__sleet_migrations", roles)).snapshot();
        }
    }

    private static Connection connectAs(TestDatabase db, String role) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", role);
        return DriverManager.getConnection(db.jdbcUrl(), props);
    }

    @AfterEach
    void dropRoles() throws SQLException {
        for (TestDatabase db : databases) {
            for (String role : List.of(reader, admin)) {
                db.execute("DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') THEN "
                        + "EXECUTE 'DROP OWNED BY " + role + "'; END IF; END $$");
            }
        }
        for (String role : List.of(reader, admin)) {
            if (!databases.isEmpty()) {
                databases.get(0).execute("DROP ROLE IF EXISTS " + role);
            }
        }
        assertThat(rows(databases.get(0), "SELECT count(*)::text FROM pg_roles WHERE rolname LIKE 'sleet\\_%\\_" + suffix + "'"))
                .containsExactly("0");
    }
}
