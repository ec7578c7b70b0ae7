package dev.sleet.kit.snapshot;

import dev.sleet.kit.SleetException;
import dev.sleet.kit.postgres.PostgresDialect;
import dev.sleet.schema.Column;
import dev.sleet.schema.ForeignServer;
import dev.sleet.schema.ForeignTable;
import dev.sleet.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Foreign servers and tables declared in code, as snapshot parts; a server named like a credential is refused. */
class ForeignSnapshotsTest {

    static final Items ITEMS = new Items();

    static final class Items extends Table<Items> {
        public final Column<Integer> id = integer("id");
        Items() { super("items"); }
    }

    static final ForeignServer FILES = ForeignServer.of("files", "file_fdw").version("1");
    static final ForeignTable DUMP = ForeignTable.of("dump", FILES).inSchema("ext")
            .column("id", "integer")
            .column(ForeignTable.Column.of("name", "text").notNull().collate("pg_catalog.\"C\"").option("force_null", "true")
                    .comment("the name"))
            .option("format", "csv").option("filename", "/tmp/d.csv")
            .comment("a dump");

    @Test
    void serversAndTablesBecomeSnapshotPartsWithOptionsInOrder() {
        Snapshot snapshot = CodeSnapshots.of(List.of(ITEMS), List.of(FILES, DUMP), PostgresDialect.INSTANCE);
        assertThat(snapshot.foreignServers()).containsExactly(Map.entry("files",
                new ForeignServerSnapshot("files", "file_fdw", null, "1", Map.of())));
        ForeignTableSnapshot dump = snapshot.foreignTables().get("ext.dump");
        assertThat(dump.options().keySet()).containsExactly("format", "filename");
        assertThat(dump.columns()).containsExactly(new ForeignTableSnapshot.Column("id", "integer", false, null, null, null, null),
                new ForeignTableSnapshot.Column("name", "text", true, null, "pg_catalog.\"C\"", Map.of("force_null", "true"),
                        "the name"));
        assertThat(dump.comment()).isEqualTo("a dump");
        assertThat(snapshot.schemas()).contains("ext");
        assertThat(SnapshotJson.fromJson(SnapshotJson.toJson(snapshot), "test")).isEqualTo(snapshot);
    }

    @Test
    void aTableOnAServerTheCodeDoesNotDeclareIsRefused() {
        assertThatThrownBy(() -> CodeSnapshots.of(List.of(ITEMS), List.of(DUMP), PostgresDialect.INSTANCE))
                .isInstanceOf(SleetException.class).hasMessageContaining("on server files, which the schema code does not declare");
    }

    @Test
    void aServerOptionNamedLikeACredentialIsRefused() {
        for (String option : List.of("password", "sslkey", "api_token", "aws_secret_access_key", "passfile")) {
            assertThatThrownBy(() -> ForeignServer.of("s", "postgres_fdw").option(option, "x"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("looks like a credential");
        }
        assertThat(ForeignServer.of("s", "postgres_fdw").option("host", "h").option("dbname", "d").options()).hasSize(2);
    }
}
