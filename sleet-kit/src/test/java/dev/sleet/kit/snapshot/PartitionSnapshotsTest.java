package dev.sleet.kit.snapshot;

import dev.sleet.kit.SleetException;
import dev.sleet.kit.postgres.PostgresDialect;
import dev.sleet.schema.Column;
import dev.sleet.schema.Index;
import dev.sleet.schema.Partitioning;
import dev.sleet.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Partitioning declared in code, in the snapshot's normal form. */
class PartitionSnapshotsTest {

    static final Parent PARENT = new Parent();
    static final Child CHILD = new Child();
    static final Plain PLAIN = new Plain();
    static final Orphan ORPHAN = new Orphan();

    static final class Parent extends Table<Parent> {
        public final Column<Integer> id = integer("id").notNull();
        public final Column<String> kind = text("kind");
        Parent() { super("par\"ent"); partitionBy(Partitioning.Strategy.RANGE, Partitioning.Key.column(id),
                Partitioning.Key.expression("lower(kind)")); }
    }

    static final class Child extends Table<Child> {
        public final Column<Integer> id = integer("id").notNull().defaultValue(3);
        public final Column<String> kind = text("kind");
        public final Index byKind = index("child_kind").on(kind);
        Child() { super("child"); partitionOf(() -> PARENT, "DEFAULT"); partitionByHash(id); }
    }

    static final class Plain extends Table<Plain> {
        public final Column<Integer> id = integer("id");
        Plain() { super("plain"); }
    }

    static final class Orphan extends Table<Orphan> {
        Orphan() { super("orphan"); partitionOf(() -> PLAIN, "DEFAULT"); }
    }

    @Test
    void partitionsTakeTheirParentsColumnsAndKeepTheirOwnIndexes() {
        Snapshot snapshot = CodeSnapshots.of(List.of(PARENT, CHILD), PostgresDialect.INSTANCE);

        TableSnapshot parent = snapshot.tables().get("public.par\"ent");
        assertThat(parent.columns()).containsOnlyKeys("id", "kind");
        assertThat(parent.partitioning()).isEqualTo(new PartitionSnapshot("range",
                List.of(new PartitionKeySnapshot("id", null), new PartitionKeySnapshot(null, "lower(kind)")), null, null, null));
        TableSnapshot child = snapshot.tables().get("public.child");
        assertThat(child.columns()).isEmpty();
        assertThat(child.indexes()).containsOnlyKeys("child_kind");
        assertThat(child.partitioning()).isEqualTo(new PartitionSnapshot("hash", List.of(new PartitionKeySnapshot("id", null)),
                "public", "par\"ent", "DEFAULT"));
        assertThat(SnapshotJson.toJson(snapshot)).contains("\"parent\" : \"par\\\"ent\"", "\"bound\" : \"DEFAULT\"")
                .doesNotContain("\"parentSchema\" : null");
        assertThat(SnapshotJson.fromJson(SnapshotJson.toJson(snapshot), "test")).isEqualTo(snapshot);
    }

    @Test
    void aPartitionOfATableThatIsNotPartitionedOrNotInTheCodeIsAnError() {
        assertThatThrownBy(() -> CodeSnapshots.of(List.of(PLAIN, ORPHAN), PostgresDialect.INSTANCE))
                .isInstanceOf(SleetException.class).hasMessageContaining("public.orphan is a partition of public.plain, which is not partitioned");
        assertThatThrownBy(() -> CodeSnapshots.of(List.of(CHILD), PostgresDialect.INSTANCE))
                .isInstanceOf(SleetException.class).hasMessageContaining("which is not part of the schema code");
    }
}
