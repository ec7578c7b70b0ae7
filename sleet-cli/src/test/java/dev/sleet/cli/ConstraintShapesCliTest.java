package dev.sleet.cli;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deferrable keys, NOT VALID constraints, index INCLUDE, exclusion constraints and indexes on
 * materialized views through the command line: from code (generate, migrate, pull: nothing to do)
 * and from a hand-written database (pull, migrate the pulled history into an empty database: the
 * same pg_dump; pull and generate again: nothing to do).
 */
@ExtendWith(PostgresExtension.class)
class ConstraintShapesCliTest {

    private static final String SCHEMA = """
            public static final Rooms ROOMS = new Rooms();
            public static final Bookings BOOKINGS = new Bookings();
            public static final View ROOM_USE = View.materialized("room_use",
                    "SELECT bookings.room_id, count(*) AS n FROM bookings GROUP BY bookings.room_id")
                    .index(Index.uniqueForView("room_use_room").on(IndexKey.column("room_id")))
                    .index(Index.forView("room_use_n").on(IndexKey.column("n").desc()).include("room_id"));

            public static final class Rooms extends Table<Rooms> {
                public final Column<Integer> id = integer("id").primaryKey();
                public final Column<String> code = text("code").notNull();
                public final Constraint codeKey = unique("rooms_code_key", Deferral.DEFERRABLE_DEFERRED, code);
                public Rooms() { super("rooms"); }
            }

            public static final class Bookings extends Table<Bookings> {
                public final Column<Integer> id = integer("id");
                public final Constraint pk = primaryKey("bookings_pk", Deferral.DEFERRABLE_IMMEDIATE, id);
                public final Column<Integer> roomId = integer("room_id");
                public final Column<String> during = column("during", new DataType<>("tsrange", String.class));
                public final Column<Boolean> cancelled = bool("cancelled").notNull();
                public final ForeignKey room = foreignKey("bookings_room_fk", roomId).references(() -> ROOMS.id)
                        .deferrable(Deferral.DEFERRABLE_DEFERRED)%s;
                public final Check positive = %s("bookings_room_positive", "(room_id > 0)");
                public final Index byRoom = index("bookings_room_idx").on(roomId).include(cancelled);
                public final Exclusion noOverlap = exclude("bookings_no_overlap").with(during, "&&").where("(NOT cancelled)");
                public Bookings() { super("bookings"); }
            }
            """;

    @TempDir
    Path dir;

    private static String schema(boolean notValid) {
        return SCHEMA.formatted(notValid ? ".notValid()" : "", notValid ? "checkNotValid" : "check");
    }

    @Test
    void codeGeneratesMigratesAndPullsBackToNothingToDo(TestDatabase db) {
        Project project = new Project(dir, db).schema(schema(true));
        Sleet generated = project.sleet("generate", "--name", "shapes");
        assertThat(generated.exitCode()).as(generated.all()).isZero();
        Sleet migrated = project.sleet("migrate");
        assertThat(migrated.exitCode()).as(migrated.all()).isZero();

        Sleet pulled = project.sleet("pull");
        assertThat(pulled.exitCode()).as(pulled.all()).isZero();
        assertThat(pulled.out()).as(pulled.all()).contains("already matches");
        Sleet again = project.sleet("generate");
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).as(again.all()).contains("No schema changes");
        assertThat(project.schemaCode()).contains("Deferral.DEFERRABLE_DEFERRED", ".notValid()", "checkNotValid(",
                ".include(cancelled)", "exclude(\"bookings_no_overlap\")", "Index.uniqueForView(\"room_use_room\")");
    }

    @Test
    void makingNotValidConstraintsValidInCodeValidatesThemOnTheRows(TestDatabase db) {
        Project project = new Project(dir, db).schema(schema(true));
        assertThat(project.sleet("generate", "--name", "shapes").exitCode()).isZero();
        assertThat(project.sleet("migrate").exitCode()).isZero();
        db.execute("INSERT INTO rooms VALUES (1, 'a'); INSERT INTO bookings VALUES (1, 1, '[2024-01-01,2024-01-02)', false)");

        project.schema(schema(false));
        Sleet generated = project.sleet("generate", "--name", "validate");
        assertThat(generated.exitCode()).as(generated.all()).isZero();
        String migration = project.read(project.files().stream().filter(f -> f.endsWith("_validate.sql")).findFirst().orElseThrow());
        assertThat(migration).contains("ALTER TABLE \"bookings\" VALIDATE CONSTRAINT \"bookings_room_fk\";",
                "ALTER TABLE \"bookings\" VALIDATE CONSTRAINT \"bookings_room_positive\";").doesNotContain("DROP CONSTRAINT");
        Sleet migrated = project.sleet("migrate");
        assertThat(migrated.exitCode()).as(migrated.all()).isZero();
        assertThat(project.query("SELECT string_agg(conname || '=' || convalidated, ',' ORDER BY conname) FROM pg_constraint"
                + " WHERE conrelid = 'bookings'::regclass AND contype IN ('f', 'c')"))
                .containsExactly("bookings_room_fk=true,bookings_room_positive=true");
        Sleet check = project.sleet("check");
        assertThat(check.exitCode()).as(check.all()).isZero();
    }

    @Test
    void aHandWrittenDatabaseIsRebuiltFromItsPulledHistory(TestDatabase db) throws Exception {
        db.execute("""
                CREATE TABLE parent (id integer PRIMARY KEY, code text,
                    CONSTRAINT parent_code_key UNIQUE (code) DEFERRABLE INITIALLY DEFERRED);
                CREATE TABLE later (id integer, CONSTRAINT later_pk PRIMARY KEY (id) DEFERRABLE);
                CREATE TABLE child (id integer PRIMARY KEY, parent_id integer, slot int4range, label text, active boolean NOT NULL,
                    CONSTRAINT child_slots EXCLUDE USING gist (slot WITH &&, int4range(id, id + 1) WITH &&) WHERE (active));
                INSERT INTO child VALUES (1, 7, '[1,3)', 'a', true);
                ALTER TABLE child ADD CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent(id)
                    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED NOT VALID;
                ALTER TABLE child ADD CONSTRAINT child_parent_big CHECK (parent_id > 9) NOT VALID;
                CREATE INDEX child_label_idx ON child (label DESC) INCLUDE (active, slot) WHERE (label <> '');
                CREATE MATERIALIZED VIEW child_labels AS SELECT label, count(*) AS n FROM child GROUP BY label;
                CREATE UNIQUE INDEX child_labels_label ON child_labels (label);
                CREATE INDEX child_labels_n ON child_labels (n DESC) INCLUDE (label);
                """);
        Project project = new Project(dir, db);
        Sleet pulled = project.sleet("pull");
        assertThat(pulled.exitCode()).as(pulled.all()).isZero();

        try (TestDatabase rebuilt = TestDatabase.create("cons11_rebuilt")) {
            Sleet migrated = project.on(rebuilt).sleet("migrate");
            assertThat(migrated.exitCode()).as(migrated.all()).isZero();
            assertThat(PgDump.differingLines(db, rebuilt))
                    .as("pg_dump of the database and of the one rebuilt from its pulled history").isEmpty();
        }
        Sleet again = project.sleet("pull");
        assertThat(again.out()).as(again.all()).contains("already matches");
        Sleet generated = project.sleet("generate");
        assertThat(generated.out()).as(generated.all()).contains("No schema changes");
    }
}
