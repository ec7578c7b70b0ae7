package dev.sleet.kit.codegen;

import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.dialect.IntrospectOptions;
import dev.sleet.kit.postgres.PostgresDialect;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotJson;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pulled code for tables that inherit: it compiles, declares the parents and the columns the child
 * redeclares, and reads back as the database it was pulled from.
 */
@ExtendWith(PostgresExtension.class)
class InheritanceCodeTest {

    @Test
    void pulledInheritanceCompilesAndReadsBackAsTheDatabase(TestDatabase pg, @TempDir Path dir) throws Exception {
        pg.execute("""
                CREATE TABLE base (id serial PRIMARY KEY, kind text NOT NULL DEFAULT 'any', note text,
                    CONSTRAINT base_kind_check CHECK (kind <> ''), CONSTRAINT base_only CHECK (id > 0) NO INHERIT);
                CREATE TABLE tagged (tag text DEFAULT 'none', note text);
                CREATE TABLE child (note text, extra int DEFAULT 7 NOT NULL, CONSTRAINT child_extra_check CHECK (extra < 100))
                    INHERITS (base, tagged);
                ALTER TABLE ONLY child ALTER COLUMN kind SET DEFAULT 'child';
                ALTER TABLE ONLY child ALTER COLUMN tag DROP DEFAULT;
                ALTER TABLE child ADD CONSTRAINT child_pkey PRIMARY KEY (id);
                CREATE INDEX child_extra ON child (extra, kind);
                COMMENT ON COLUMN child.kind IS 'inherited';
                CREATE TABLE grandchild () INHERITS (child);
                ALTER TABLE grandchild ADD CONSTRAINT both_checks CHECK (extra > 0) NO INHERIT NOT VALID;
                """);
        Snapshot pulled;
        try (Connection c = pg.connect()) {
            pulled = PostgresDialect.INSTANCE.introspect(c, new IntrospectOptions(List.of("public"), "sleet", "__sleet_migrations"))
                    .snapshot();
        }

        Generated generated = Generated.roundTrip(pulled, "app.db", dir);

        String schema = generated.sources.schemaJava().replaceAll("\\s+", " ");
        assertThat(schema).contains(
                "inherits(() -> Schema.BASE, () -> Schema.TAGGED);",
                "redeclares(note);",
                "inherits(() -> Schema.CHILD);",
                "public final Column<String> kind = text(\"kind\").defaultValue(\"child\").comment(\"inherited\");",
                "public final Column<String> tag = text(\"tag\").defaultSql(\"NULL\");",
                "public final Column<Integer> id = integer(\"id\").primaryKey();",
                "checkNoInherit(\"base_only\", \"(id > 0)\")",
                "check(new Check(\"both_checks\", \"(extra > 0)\", true, true))");
        Generated.assertSameSchema(generated.readBack, pulled);
        assertThat(Differ.diff(pulled, generated.readBack)).as(SnapshotJson.toJson(generated.readBack)).isEmpty();
        assertThat(Differ.diff(generated.readBack, pulled)).isEmpty();
    }
}
