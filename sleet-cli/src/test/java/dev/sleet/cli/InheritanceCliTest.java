package dev.sleet.cli;

import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table inheritance ({@code CREATE TABLE ... INHERITS}, as rnacentral splits its cross-references
 * into a hundred children) through the whole tool: a hand-made database pulled and rebuilt from its
 * pulled history with the same pg_dump, changes to it pulled and migrated, and code-first
 * inheritance generated, migrated and pulled back to no changes.
 */
class InheritanceCliTest {

    private static final String HAND_MADE = """
            CREATE SCHEMA "Rna ""cen"" x";
            SET search_path = "Rna ""cen"" x";
            CREATE TABLE xref (id bigserial PRIMARY KEY, dbid smallint NOT NULL, deleted char(1) NOT NULL DEFAULT 'N',
                upi varchar(26), created timestamp DEFAULT now(),
                CONSTRAINT xref_deleted_check CHECK (deleted IN ('Y', 'N')),
                CONSTRAINT xref_parent_only CHECK (dbid > 0) NO INHERIT);
            CREATE TABLE "xref p1 ""not"" deleted" (CONSTRAINT p1_db CHECK (dbid = 1), CONSTRAINT p1_deleted CHECK (deleted = 'N'))
                INHERITS (xref);
            CREATE INDEX "p1 upi" ON "xref p1 ""not"" deleted" (upi);
            ALTER TABLE "xref p1 ""not"" deleted" ADD CONSTRAINT p1_pkey PRIMARY KEY (id);
            CREATE TABLE xref_p2 (upi varchar(26) NOT NULL, note text DEFAULT 'two', CONSTRAINT p2_db CHECK (dbid = 2))
                INHERITS (xref);
            ALTER TABLE ONLY xref_p2 ALTER COLUMN deleted SET DEFAULT 'Y';
            ALTER TABLE ONLY xref_p2 ALTER COLUMN created DROP DEFAULT;
            COMMENT ON COLUMN xref_p2.dbid IS 'always 2';
            CREATE TABLE audit_part (who text NOT NULL DEFAULT current_user);
            CREATE TABLE xref_p3 (extra int) INHERITS (xref, audit_part);
            CREATE TABLE xref_p3_old () INHERITS (xref_p3);
            ALTER TABLE ONLY xref_p3_old ALTER COLUMN extra SET NOT NULL;
            RESET search_path;
            """;

    @TempDir
    Path dir;

    @Test
    void pulledInheritanceRebuildsTheDatabaseAndFollowsItsChanges() throws Exception {
        try (TestDatabase source = TestDatabase.create("inherits12_hand"); TestDatabase rebuilt = TestDatabase.create("inherits12_rebuilt")) {
            source.execute(HAND_MADE);
            Project project = new Project(dir, source).schemaFilter(List.of("Rna \"cen\" x"));
            Sleet pulled = project.sleet("pull");
            assertThat(pulled.exitCode()).as(pulled.all()).isZero();
            assertThat(pulled.all()).doesNotContain("INHERITS", "not managed");
            assertThat(project.schemaCode()).contains("inherits(() -> Schema.XREF)", "inherits(() -> Schema.XREF, () -> Schema.AUDIT_PART)",
                    "redeclares(upi)", "checkNoInherit(\"xref_parent_only\", \"(dbid > 0)\")");
            Sleet migrated = project.on(rebuilt).sleet("migrate");
            assertThat(migrated.exitCode()).as(migrated.all()).isZero();
            assertThat(PgDump.differingLines(source, rebuilt)).as("pg_dump of the hand-made database and of the one rebuilt"
                    + " from its pulled history").isEmpty();
            Sleet again = project.sleet("pull");
            assertThat(again.out()).as(again.all()).contains("already matches");
            Sleet generated = project.sleet("generate");
            assertThat(generated.out()).as(generated.all()).contains("No schema changes");

            // A table that starts inheriting, one that stops, one dropped, a parent that gains a column.
            source.execute("""
                    SET search_path = "Rna ""cen"" x";
                    ALTER TABLE xref_p3 NO INHERIT audit_part;
                    DROP TABLE xref_p3_old;
                    CREATE TABLE loose (id bigint NOT NULL, dbid smallint NOT NULL, deleted char(1) NOT NULL,
                        upi varchar(26), created timestamp, own text, CONSTRAINT xref_deleted_check CHECK (deleted IN ('Y', 'N')));
                    ALTER TABLE loose INHERIT xref;
                    ALTER TABLE xref ADD COLUMN release int;
                    RESET search_path;
                    """);
            Sleet changed = project.sleet("pull", "--create", "Rna \"cen\" x.loose", "--accept-drops");
            assertThat(changed.exitCode()).as(changed.all()).isZero();
            Sleet onSource = project.sleet("migrate");
            assertThat(onSource.exitCode()).as(onSource.all()).isZero();
            Sleet onRebuilt = project.on(rebuilt).sleet("migrate");
            assertThat(onRebuilt.exitCode()).as(onRebuilt.all()).isZero();
            assertThat(PgDump.differingLines(source, rebuilt)).isEmpty();
            Sleet last = project.sleet("pull");
            assertThat(last.out()).as(last.all()).contains("already matches");
        }
    }

    @Test
    void codeFirstInheritanceMigratesAndPullsBackUnchanged() throws Exception {
        try (TestDatabase db = TestDatabase.create("inherits12_code")) {
            Project project = new Project(dir, db).schema("""
                    public static final Events EVENTS = new Events();
                    public static final Clicks CLICKS = new Clicks();

                    public static final class Events extends Table<Events> {
                        public final Column<Long> id = bigserial("id").primaryKey();
                        public final Column<String> kind = text("kind").notNull().defaultValue("event");
                        public final Check kindSet = check("events_kind_check", "kind <> ''");
                        public final Check own = checkNoInherit("events_only", "id > 0");
                        public Events() { super("events"); }
                    }

                    public static final class Clicks extends Table<Clicks> {
                        public final Column<Long> id = bigint("id").primaryKey();
                        public final Column<String> kind = text("kind").defaultValue("click");
                        public final Column<String> target = text("target").notNull();
                        public final Index byTarget = index("clicks_target").on(target);
                        public Clicks() { super("clicks"); inherits(() -> EVENTS); }
                    }
                    """);
            Sleet generated = project.sleet("generate");
            assertThat(generated.exitCode()).as(generated.all()).isZero();
            String sql = project.read(project.files().stream().filter(f -> f.endsWith(".sql")).reduce((a, b) -> b).orElseThrow());
            assertThat(sql).contains(") INHERITS (\"events\");", "ALTER TABLE ONLY \"clicks\" ALTER COLUMN \"kind\" SET DEFAULT 'click'::text;",
                    "CHECK (id > 0) NO INHERIT");
            Sleet migrated = project.sleet("migrate");
            assertThat(migrated.exitCode()).as(migrated.all()).isZero();
            assertThat(project.query("SELECT conname::text FROM pg_constraint WHERE conrelid = 'clicks'::regclass ORDER BY 1"))
                    .containsExactly("clicks_pkey", "events_kind_check");
            Sleet pulled = project.sleet("pull");
            assertThat(pulled.exitCode()).as(pulled.all()).isZero();
            assertThat(pulled.out()).as(pulled.all()).contains("already matches");
            assertThat(project.sleet("generate").out()).contains("No schema changes");
        }
    }
}
