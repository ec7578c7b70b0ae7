package dev.sleet.cli;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database whose checks and views PostgreSQL prints differently once Sleet's SQL for them is
 * applied (a varchar IN list): pulled, migrated into an empty database, that database is no drift,
 * the next pull writes nothing, push has nothing to do, and generate over the unchanged code and
 * snapshots (written before expressions were compared this way) says no changes.
 */
@ExtendWith(PostgresExtension.class)
class ExpressionFormCliTest {

    @TempDir
    Path dir;

    @Test
    void aPulledVarcharInCheckAndViewMigrateWithoutDrift(TestDatabase source, TestDatabase target) {
        source.execute("""
                CREATE TABLE items (id serial PRIMARY KEY, kind varchar(10) NOT NULL CHECK (kind IN ('a', 'b')),
                                    size varchar(5) DEFAULT 's');
                CREATE VIEW ab_items AS SELECT id, kind FROM items WHERE kind IN ('a', 'b') AND size IN ('s', 'm');
                """);
        Project pulled = new Project(dir, source);
        Sleet pull = pulled.sleet("pull");
        assertThat(pull.exitCode()).as(pull.all()).isZero();
        assertThat(pulled.tags()).hasSize(1);

        Project rebuilt = pulled.on(target);
        Sleet migrate = rebuilt.sleet("migrate");
        assertThat(migrate.exitCode()).as(migrate.all()).isZero();
        assertThat(rebuilt.query("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'items_kind_check'"))
                .as("PostgreSQL prints the check another way on the rebuilt database")
                .containsExactly("CHECK (((kind)::text = ANY (ARRAY[('a'::character varying)::text, ('b'::character varying)::text])))");
        Map<String, String> files = rebuilt.contents();

        Sleet check = rebuilt.sleet("check");
        assertThat(check.exitCode()).as(check.all()).isZero();
        assertThat(check.out()).contains("No drift");

        Sleet again = rebuilt.sleet("pull");
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("The migration history already matches the database; no migration written");
        assertThat(rebuilt.tags()).hasSize(1);
        assertThat(rebuilt.contents()).as("pull changes no file").isEqualTo(files);

        Sleet push = rebuilt.sleet("push");
        assertThat(push.exitCode()).as(push.all()).isZero();
        assertThat(push.out()).contains("No changes:");

        Sleet generate = rebuilt.sleet("generate");
        assertThat(generate.exitCode()).as(generate.all()).isZero();
        assertThat(generate.out()).contains("No schema changes");
        assertThat(rebuilt.tags()).isEqualTo(List.of(pulled.tags().get(0)));
    }
}
