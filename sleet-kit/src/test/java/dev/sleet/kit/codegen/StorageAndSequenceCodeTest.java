package dev.sleet.kit.codegen;

import dev.sleet.kit.postgres.PostgresDialect;
import dev.sleet.kit.snapshot.CodeSnapshots;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.schema.Column;
import dev.sleet.schema.DataType;
import dev.sleet.schema.Sequence;
import dev.sleet.schema.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Storage parameters and the names, types and owners of sequences: written as code that compiles and reads back the same. */
class StorageAndSequenceCodeTest {

    static final class Events extends Table<Events> {
        final Column<Integer> id = integer("id");

        Events() {
            super("events");
            storageParameter("fillfactor", "70");
            storageParameter("autovacuum_vacuum_scale_factor", "0.1");
        }
    }

    @Test
    void storageParametersRoundTrip(@TempDir Path dir) {
        Snapshot snapshot = CodeSnapshots.of(List.of(new Events()), PostgresDialect.INSTANCE);
        assertThat(snapshot.tables().get("public.events").with()).containsOnlyKeys("fillfactor", "autovacuum_vacuum_scale_factor");

        Generated generated = Generated.roundTrip(snapshot, "app.db", dir);

        Generated.assertSameSchema(generated.readBack, snapshot);
        assertThat(generated.sources.schemaJava()).contains(
                "storageParameter(\"fillfactor\", \"70\");", "storageParameter(\"autovacuum_vacuum_scale_factor\", \"0.1\");");
    }

    static final class Layouts extends Table<Layouts> {
        final Column<Integer> id = integer("id").notNull().defaultSql("nextval('load_layout_id_seq'::regclass)");
        final Column<Long> entry = bigint("entry").generatedAlwaysAsIdentity(s -> s.startWith(5)).sequenceName("entries_seq1");

        Layouts() {
            super("layouts");
        }
    }

    @Test
    void ownedSequencesAndIdentitySequenceNamesRoundTrip(@TempDir Path dir) {
        Sequence owned = Sequence.of("load_layout_id_seq").as(DataType.INTEGER).options(s -> s.cache(20)).ownedBy("layouts", "id");
        Snapshot snapshot = CodeSnapshots.of(List.of(new Layouts()), List.of(owned), PostgresDialect.INSTANCE);
        assertThat(snapshot.sequences().get("public.load_layout_id_seq").ownedBy()).isEqualTo("layouts.id");
        assertThat(snapshot.tables().get("public.layouts").columns().get("entry").identity().sequenceName()).isEqualTo("entries_seq1");

        Generated generated = Generated.roundTrip(snapshot, "app.db", dir);

        Generated.assertSameSchema(generated.readBack, snapshot);
        assertThat(generated.sources.schemaJava()).contains(".ownedBy(\"layouts\", \"id\");", ".sequenceName(\"entries_seq1\")");
    }
}
