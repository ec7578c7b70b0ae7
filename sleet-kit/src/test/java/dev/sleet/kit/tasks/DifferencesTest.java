package dev.sleet.kit.tasks;

import dev.sleet.kit.dialect.IntrospectOptions;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.postgres.PostgresDialect;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** check's drift report names every kind of object a database can drift in, in words. */
@ExtendWith(PostgresExtension.class)
class DifferencesTest {

    private static Snapshot read(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return PostgresDialect.INSTANCE.introspect(c, new IntrospectOptions(List.of("public"), "sleet", "__sleet_migrations"))
                    .snapshot();
        }
    }

    @Test
    void driftInEnumsSequencesViewsPoliciesChecksAndCommentsIsNamed(TestDatabase db) throws SQLException {
        db.execute("""
                CREATE TYPE mood AS ENUM ('up');
                CREATE SEQUENCE counter;
                CREATE TABLE t (id int PRIMARY KEY, m mood, n int);
                CREATE VIEW v AS SELECT t.id FROM t;
                """);
        Snapshot expected = read(db);
        db.execute("""
                ALTER TYPE mood ADD VALUE 'down';
                DROP SEQUENCE counter;
                CREATE OR REPLACE VIEW v AS SELECT t.id, t.n FROM t;
                ALTER TABLE t ADD CONSTRAINT t_n_check CHECK (n > 0);
                ALTER TABLE t ENABLE ROW LEVEL SECURITY;
                CREATE POLICY own ON t USING (true);
                COMMENT ON TABLE t IS 'things';
                """);

        List<String> lines = Differences.describe(Differ.diff(expected, read(db)));

        assertThat(lines).containsExactlyInAnyOrder(
                "enum type public.mood differs between the database and the migrations",
                "sequence public.counter is missing from the database",
                "view public.v differs between the database and the migrations",
                "the database has check constraint public.t.t_n_check, which the migrations do not create",
                "row-level security of table public.t differs between the database and the migrations",
                "the database has policy public.t.own, which the migrations do not create",
                "the comment on public.t differs between the database and the migrations");
    }

    @Test
    void aRuleOrTriggerDisabledInTheDatabaseIsNamed(TestDatabase db) throws SQLException {
        db.execute("""
                CREATE TABLE t (id int PRIMARY KEY);
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
                CREATE TRIGGER tg BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();
                CREATE RULE r AS ON DELETE TO t DO INSTEAD NOTHING;
                """);
        Snapshot expected = read(db);
        db.execute("ALTER TABLE t DISABLE RULE r; ALTER TABLE t DISABLE TRIGGER tg;");

        List<String> lines = Differences.describe(Differ.diff(expected, read(db)));

        assertThat(lines).containsExactlyInAnyOrder(
                "rule public.t.r differs between the database and the migrations",
                "trigger public.t.tg differs between the database and the migrations");
    }
}
