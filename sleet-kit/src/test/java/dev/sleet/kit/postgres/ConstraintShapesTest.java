package dev.sleet.kit.postgres;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.diff.MigrationSteps;
import dev.sleet.kit.snapshot.CodeSnapshots;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotJson;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.schema.Column;
import dev.sleet.schema.DataType;
import dev.sleet.schema.Constraint;
import dev.sleet.schema.Deferral;
import dev.sleet.schema.Exclusion;
import dev.sleet.schema.ForeignKey;
import dev.sleet.schema.Index;
import dev.sleet.schema.IndexKey;
import dev.sleet.schema.Check;
import dev.sleet.schema.Table;
import dev.sleet.schema.View;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deferrable keys, NOT VALID foreign keys and checks, index INCLUDE columns, exclusion constraints
 * and indexes on materialized views: declared in code, created on a real PostgreSQL and read back
 * as declared; written by hand in SQL, read, and created again the same.
 */
@ExtendWith(PostgresExtension.class)
class ConstraintShapesTest {

    static final class Rooms extends Table<Rooms> {
        public final Column<Integer> id = integer("id");
        public final Column<String> code = text("code").notNull();
        public final Constraint pk = primaryKey("rooms_pk", id);
        public final Constraint code_key = unique("rooms_code_key", Deferral.DEFERRABLE_IMMEDIATE, code);

        Rooms() {
            super("rooms");
        }
    }

    static final Rooms ROOMS = new Rooms();

    static final class Bookings extends Table<Bookings> {
        public final Column<Integer> id = serial("id");
        public final Constraint pk = primaryKey("bookings_pk", Deferral.DEFERRABLE_DEFERRED, id);
        public final Column<Integer> roomId = integer("room_id");
        public final Column<String> during = column("during", new DataType<>("tsrange", String.class));
        public final Column<Boolean> cancelled = bool("cancelled").notNull();
        public final Column<String> note = text("note");
        public final ForeignKey room = foreignKey("bookings_room_fk", roomId).references(() -> ROOMS.id)
                .deferrable(Deferral.DEFERRABLE_DEFERRED).notValid();
        public final Check positive = checkNotValid("bookings_room_positive", "(room_id > 0)");
        public final Index byRoom = index("bookings_room_idx").on(roomId).include(note, cancelled);
        public final Exclusion noOverlap = exclude("bookings_no_overlap").with(during, "&&")
                .with(IndexKey.expression("int4range(room_id, (room_id + 1))"), "&&").where("(NOT cancelled)").deferrable(Deferral.DEFERRABLE_IMMEDIATE);

        Bookings() {
            super("bookings");
        }
    }

    static final View ROOM_COUNTS = View.materialized("room_counts",
                    "SELECT bookings.room_id, count(*) AS n FROM bookings GROUP BY bookings.room_id")
            .index(Index.uniqueForView("room_counts_room").on(IndexKey.column("room_id")))
            .index(Index.forView("room_counts_n").on(IndexKey.column("n").desc()).include("room_id"));

    @Test
    void codeCreatesWhatItDeclaresAndReadsBackTheSame(TestDatabase db) throws SQLException {
        Snapshot code = CodeSnapshots.of(List.of(ROOMS, new Bookings()), List.of(ROOM_COUNTS), Live.PG);
        List<String> sql = Live.apply(db, Differ.diff(Snapshot.empty("postgresql"), code));

        Snapshot live = Live.introspect(db);

        assertThat(SnapshotJson.toJson(live.withIdentity(code.id(), code.prevId()))).as(String.join("\n", sql))
                .isEqualTo(SnapshotJson.toJson(code));
        assertThat(Differ.diff(live, code)).isEmpty();
        assertThat(Live.rows(db, "SELECT conname || ' ' || condeferrable || condeferred || convalidated FROM pg_constraint"
                + " WHERE conrelid IN ('rooms'::regclass, 'bookings'::regclass) ORDER BY conname"))
                .containsExactly("bookings_no_overlap truefalsetrue", "bookings_pk truetruetrue",
                        "bookings_room_fk truetruefalse", "bookings_room_positive falsefalsefalse",
                        "rooms_code_key truefalsetrue", "rooms_pk falsefalsetrue");
    }

    @Test
    void handWrittenShapesReadAndRecreateTheSame(TestDatabase db) throws SQLException {
        db.execute("""
                CREATE TABLE parent (id integer, CONSTRAINT parent_pk PRIMARY KEY (id));
                CREATE TABLE later (id integer, CONSTRAINT later_pk PRIMARY KEY (id) DEFERRABLE INITIALLY DEFERRED);
                CREATE TABLE child (id integer PRIMARY KEY, parent_id integer, slot int4range, label text, active boolean,
                    CONSTRAINT child_label_key UNIQUE (label) DEFERRABLE,
                    CONSTRAINT child_slots EXCLUDE USING gist (slot WITH &&) WHERE (active) DEFERRABLE INITIALLY DEFERRED);
                INSERT INTO parent VALUES (1);
                INSERT INTO child VALUES (1, 7, '[1,3)', 'a', true);
                ALTER TABLE child ADD CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent(id)
                    DEFERRABLE INITIALLY DEFERRED NOT VALID;
                ALTER TABLE child ADD CONSTRAINT child_parent_positive CHECK (parent_id > 9) NOT VALID;
                CREATE INDEX child_label_idx ON child (label) INCLUDE (active, slot);
                CREATE MATERIALIZED VIEW child_labels AS SELECT label, count(*) AS n FROM child GROUP BY label;
                CREATE UNIQUE INDEX child_labels_label ON child_labels (label);
                CREATE INDEX child_labels_n ON child_labels USING btree (n DESC) WHERE (n > 1);
                """);
        Snapshot live = Live.introspect(db);
        TableSnapshot child = live.tables().get("public.child");
        assertThat(child.foreignKeys().get("child_parent_fk").notValid()).isTrue();
        assertThat(child.checkConstraints().get("child_parent_positive").notValid()).isTrue();
        assertThat(child.uniqueConstraints().get("child_label_key").deferral()).isEqualTo(Deferral.DEFERRABLE_IMMEDIATE);
        assertThat(child.indexes().get("child_label_idx").include()).containsExactly("active", "slot");
        assertThat(child.exclusions()).containsKey("child_slots");
        assertThat(live.views().get("public.child_labels").indexes()).containsOnlyKeys("child_labels_label", "child_labels_n");

        try (TestDatabase copy = TestDatabase.create("sleet_cons11_copy")) {
            Live.apply(copy, Differ.diff(Snapshot.empty("postgresql"), live));
            Snapshot again = Live.introspect(copy);
            assertThat(SnapshotJson.toJson(again)).isEqualTo(SnapshotJson.toJson(live));
        }
    }

    @Test
    void makingANotValidForeignKeyValidValidatesItInPlace(TestDatabase db) throws SQLException {
        db.execute("""
                CREATE TABLE parent (id integer PRIMARY KEY);
                CREATE TABLE child (id integer PRIMARY KEY, parent_id integer);
                INSERT INTO parent VALUES (1);
                INSERT INTO child VALUES (1, 1), (2, 1);
                ALTER TABLE child ADD CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent(id) NOT VALID;
                ALTER TABLE child ADD CONSTRAINT child_parent_check CHECK (parent_id > 0) NOT VALID;
                """);
        Snapshot before = Live.introspect(db);
        TableSnapshot child = before.tables().get("public.child");
        TableSnapshot valid = child.withParts(child.columns(), child.primaryKey(), child.uniqueConstraints(),
                new java.util.TreeMap<>(java.util.Map.of("child_parent_fk", child.foreignKeys().get("child_parent_fk").withNotValid(false))),
                child.indexes());
        valid = new TableSnapshot(valid.schema(), valid.name(), valid.columns(), valid.primaryKey(), valid.uniqueConstraints(),
                valid.foreignKeys(), valid.indexes(), new java.util.TreeMap<>(java.util.Map.of("child_parent_check",
                        child.checkConstraints().get("child_parent_check").withNotValid(false))), null, null, false, false);
        Snapshot after = before.withTables(new java.util.TreeMap<>(java.util.Map.of("public.parent",
                before.tables().get("public.parent"), "public.child", valid)));

        List<Change> changes = Differ.diff(before, after);
        List<String> sql = Live.apply(db, changes);

        assertThat(sql).containsExactlyInAnyOrder(
                "ALTER TABLE \"child\" VALIDATE CONSTRAINT \"child_parent_fk\";",
                "ALTER TABLE \"child\" VALIDATE CONSTRAINT \"child_parent_check\";");
        assertThat(Differ.diff(Live.introspect(db), after)).isEmpty();
        assertThat(Live.rows(db, "SELECT count(*) FROM child")).containsExactly("2");
    }

    @Test
    void validatingFailsOnRowsThatBreakTheKey(TestDatabase db) throws SQLException {
        db.execute("""
                CREATE TABLE parent (id integer PRIMARY KEY);
                CREATE TABLE child (id integer PRIMARY KEY, parent_id integer);
                INSERT INTO child VALUES (1, 42);
                ALTER TABLE child ADD CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent(id) NOT VALID;
                """);
        Snapshot before = Live.introspect(db);
        TableSnapshot child = before.tables().get("public.child");
        TableSnapshot valid = child.withParts(child.columns(), child.primaryKey(), child.uniqueConstraints(),
                new java.util.TreeMap<>(java.util.Map.of("child_parent_fk", child.foreignKeys().get("child_parent_fk").withNotValid(false))),
                child.indexes());
        Snapshot after = before.withTables(new java.util.TreeMap<>(java.util.Map.of("public.parent",
                before.tables().get("public.parent"), "public.child", valid)));

        assertThatThrownBy(() -> Live.apply(db, Differ.diff(before, after))).hasMessageContaining("child_parent_fk");
    }

    @Test
    void aConcurrentIndexOnAnExistingMaterializedViewGetsAFileOfItsOwn(TestDatabase db) throws SQLException {
        View plain = View.materialized("totals", "SELECT 1 AS n");
        View indexed = plain.comment("counted").index(Index.forView("totals_n").on(IndexKey.column("n")).concurrently());
        Snapshot before = CodeSnapshots.of(List.of(), List.of(plain), Live.PG);
        Snapshot after = CodeSnapshots.of(List.of(), List.of(indexed), Live.PG);

        List<MigrationSteps.Step> steps = MigrationSteps.split(before, after, Differ.diff(before, after));

        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).transactional()).isTrue();
        assertThat(steps.get(0).after().views().get("public.totals").indexes()).isEmpty();
        assertThat(steps.get(1).transactional()).isFalse();
        assertThat(steps.get(1).changes()).hasSize(1).first().isInstanceOf(Change.CreateIndex.class);
        Live.apply(db, Differ.diff(Snapshot.empty("postgresql"), before));
        for (MigrationSteps.Step step : steps) {
            try (var c = db.connect(); var st = c.createStatement()) {
                for (String sql : Live.PG.sql(step.changes())) {
                    st.execute(sql);
                }
            }
        }
        assertThat(Differ.diff(Live.introspect(db), after)).isEmpty();
    }
}
