package dev.sleet.kit.postgres;

import dev.sleet.kit.dialect.IntrospectOptions;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static dev.sleet.kit.postgres.Live.PG;
import static dev.sleet.kit.postgres.Live.apply;
import static dev.sleet.kit.postgres.Live.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * AdventureWorks (docs/real-schemas) with two of its domains re-based, a schema nobody wrote for
 * Sleet: {@code "Name"} from {@code varchar(50)} to {@code varchar(100)} and {@code "Phone"} from
 * {@code varchar(25)} to {@code varchar(20)}, used by 29 columns in five schemas and read by their
 * views. Runs where the corpus is ({@code SLEET_REAL_SCHEMAS}, or {@code ../shared/real-schemas}).
 */
@ExtendWith(PostgresExtension.class)
class RealSchemaDomainTest {

    private static final IntrospectOptions SCHEMAS = new IntrospectOptions(List.of("public", "person", "humanresources",
            "production", "purchasing", "sales", "pe", "hr", "pr", "pu", "sa"), "sleet", "__sleet_migrations");

    @Test
    void adventureWorksDomainsChangeBaseTypeWithRowsInPlace(TestDatabase db, TestDatabase target) throws Exception {
        Path file = corpus().resolve("adventureworks").resolve("schema.sql");
        assumeTrue(Files.isRegularFile(file), "real schema adventureworks not found at " + file);
        String schema = Files.readString(file);
        load(db, schema + "INSERT INTO person.businessentity (businessentityid) VALUES (1);"
                + "INSERT INTO person.person (businessentityid, persontype, firstname, lastname) VALUES (1, 'EM', 'Ann', 'Lee');"
                + "INSERT INTO person.phonenumbertype (phonenumbertypeid, name) VALUES (1, 'Cell');"
                + "INSERT INTO person.personphone VALUES (1, '555-0100', 1);");
        load(target, schema.replace("CREATE DOMAIN \"Name\" varchar(50) NULL;", "CREATE DOMAIN \"Name\" varchar(100) NULL;")
                .replace("CREATE DOMAIN \"Phone\" varchar(25) NULL;", "CREATE DOMAIN \"Phone\" varchar(20) NULL;"));
        Snapshot wanted = read(target);

        List<Change> changes = Differ.diff(read(db), wanted);
        apply(db, changes);

        assertThat(changes).filteredOn(c -> c instanceof Change.RecreateDomain).hasSize(2);
        assertThat(changes).filteredOn(c -> c instanceof Change.ConvertDomainColumn).hasSizeGreaterThan(20);
        assertThat(Differ.diff(read(db), wanted)).isEmpty();
        assertThat(rows(db, "SELECT firstname || ' ' || lastname || ' ' || phonenumber FROM person.person"
                + " JOIN person.personphone USING (businessentityid)")).containsExactly("Ann Lee 555-0100");
    }

    private static Snapshot read(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return PG.introspect(c, SCHEMAS).snapshot();
        }
    }

    /** Through psql, as the schema is written for it (meta-commands, its own client encoding). */
    private static void load(TestDatabase db, String sql) throws IOException, InterruptedException {
        Path file = Files.createTempFile("sleet-real-schema", ".sql");
        try {
            Files.writeString(file, sql);
            Process psql = new ProcessBuilder("psql", "-h", TestDatabase.HOST, "-p", String.valueOf(TestDatabase.PORT),
                    "-U", TestDatabase.USER, "-d", db.name(), "-q", "-v", "ON_ERROR_STOP=1", "-f", file.toString())
                    .redirectErrorStream(true).start();
            String output = new String(psql.getInputStream().readAllBytes());
            assertThat(psql.waitFor()).as(output).isZero();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Path corpus() {
        String configured = System.getenv("SLEET_REAL_SCHEMAS");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        // Tests run in the module folder: the clone's parent holds shared/.
        return Path.of("").toAbsolutePath().getParent().getParent().resolve("shared").resolve("real-schemas");
    }
}
