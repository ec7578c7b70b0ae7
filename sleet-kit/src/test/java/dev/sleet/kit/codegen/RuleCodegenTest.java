package dev.sleet.kit.codegen;

import dev.sleet.kit.SleetException;
import dev.sleet.kit.dialect.IntrospectOptions;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.postgres.PostgresDialect;
import dev.sleet.kit.snapshot.CodeSnapshots;
import dev.sleet.kit.snapshot.RuleSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.schema.Rule;
import dev.sleet.schema.View;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rules pulled from PostgreSQL in every enabled state: written as {@code Rule} constants that say
 * their state, compiled, read back as the same snapshot, and built into an empty database as they were.
 */
@ExtendWith(PostgresExtension.class)
class RuleCodegenTest {

    private static final IntrospectOptions OPTIONS = new IntrospectOptions(List.of("public", "audit"), "sleet", "__sleet_migrations");

    @Test
    void pulledRulesKeepTheirEnabledStateThroughCodeIntoAnEmptyDatabase(TestDatabase db, TestDatabase empty,
                                                                         @TempDir Path dir) throws SQLException {
        db.execute("""
                CREATE SCHEMA audit;
                CREATE TABLE items (id integer PRIMARY KEY, name text);
                CREATE TABLE audit."Log ""L\""" (id integer, note text);
                CREATE RULE "on" AS ON UPDATE TO items WHERE new.id < 0 DO INSTEAD NOTHING;
                CREATE RULE "Off ""It\""" AS ON DELETE TO items DO INSTEAD NOTHING;
                ALTER TABLE items DISABLE RULE "Off ""It\""";
                CREATE RULE replica AS ON INSERT TO items DO ALSO NOTIFY items_changed;
                ALTER TABLE items ENABLE REPLICA RULE replica;
                CREATE RULE always AS ON INSERT TO audit."Log ""L\""" DO ALSO NOTIFY logged;
                ALTER TABLE audit."Log ""L\""" ENABLE ALWAYS RULE always;
                COMMENT ON RULE always ON audit."Log ""L\""" IS 'fires on replicas too';
                """);
        Snapshot pulled = introspect(db);
        assertThat(pulled.rules().values().stream().collect(Collectors.toMap(RuleSnapshot::name, RuleSnapshot::enabled)))
                .isEqualTo(Map.of("on", "O", "Off \"It\"", "D", "replica", "R", "always", "A"));

        Generated generated = Generated.roundTrip(pulled, "app.db", dir);

        assertThat(generated.sources.schemaJava()).contains(".disabled();", ".enabledReplica();",
                ".comment(\"fires on replicas too\").enabledAlways();");
        assertThat(generated.readBack.rules()).isEqualTo(pulled.rules());
        assertThat(Differ.diff(introspect(db), generated.readBack)).isEmpty();

        List<String> sql = PostgresDialect.INSTANCE.sql(Differ.diff(Snapshot.empty("postgresql"), generated.readBack));
        try (Connection c = empty.connect(); Statement st = c.createStatement()) {
            for (String statement : sql) {
                st.execute(statement);
            }
        }
        assertThat(sql).contains("ALTER TABLE \"items\" DISABLE RULE \"Off \"\"It\"\"\";",
                "ALTER TABLE \"items\" ENABLE REPLICA RULE \"replica\";",
                "ALTER TABLE \"audit\".\"Log \"\"L\"\"\" ENABLE ALWAYS RULE \"always\";");
        assertThat(enabled(empty)).containsExactly("Off \"It\" D", "always A", "on O", "replica R");
        assertThat(Differ.diff(introspect(empty), generated.readBack)).isEmpty();
    }

    private static Snapshot introspect(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return PostgresDialect.INSTANCE.introspect(c, OPTIONS).snapshot();
        }
    }

    /** Each rule's name and {@code pg_rewrite.ev_enabled}, as the catalog holds them. */
    private static List<String> enabled(TestDatabase db) throws SQLException {
        List<String> rules = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT rulename || ' ' || ev_enabled::text FROM pg_rewrite"
                     + " WHERE rulename <> '_RETURN' AND ev_class >= 16384 ORDER BY rulename COLLATE \"C\"")) {
            while (rs.next()) {
                rules.add(rs.getString(1));
            }
        }
        return rules;
    }

    /** PostgreSQL refuses {@code ALTER TABLE ... DISABLE RULE} on a view, so code that declares one is refused first. */
    @Test
    void aRuleOnAViewThatIsNotEnabledIsRefused() {
        View view = View.of("v", "SELECT 1 AS one");
        Rule rule = Rule.of("public", "v", "quiet", "CREATE RULE quiet AS\n    ON DELETE TO public.v DO INSTEAD NOTHING;");

        assertThat(CodeSnapshots.of(List.of(), List.of(view, rule), PostgresDialect.INSTANCE).rules()).containsOnlyKeys("public.v.quiet");
        assertThatThrownBy(() -> CodeSnapshots.of(List.of(), List.of(view, rule.enabledReplica()), PostgresDialect.INSTANCE))
                .isInstanceOf(SleetException.class)
                .hasMessage("The schema code declares rule quiet on public.v as REPLICA, but PostgreSQL sets the enabled state"
                        + " of rules on tables only: a view's rules always fire");
    }
}
