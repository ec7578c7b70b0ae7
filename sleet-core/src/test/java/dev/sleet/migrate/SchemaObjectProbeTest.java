package dev.sleet.migrate;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Probes for the objects besides tables: enum types, views, policies and roles. */
@ExtendWith(PostgresExtension.class)
class SchemaObjectProbeTest {

    @TempDir
    Path dir;

    @Test
    void typeViewPolicyAndRoleProbesMatchTheCatalog(TestDatabase db) {
        String role = "sleet_probe_" + Long.toHexString(System.nanoTime());
        String schema = "CREATE TYPE audit_mood AS ENUM ('up');"
                + "CREATE TABLE notes (body text); CREATE POLICY own ON notes USING (true);"
                + "CREATE MATERIALIZED VIEW counts AS SELECT count(*) FROM notes;";
        List<Probe> probes = List.of(
                Probe.exists(Probe.Kind.TYPE, "public.audit_mood"),
                Probe.exists(Probe.Kind.VIEW, "public.counts"),
                Probe.exists(Probe.Kind.POLICY, "public.notes.own"),
                Probe.exists(Probe.Kind.ROLE, role),
                Probe.absent(Probe.Kind.VIEW, "public.gone"));
        try {
            db.execute(schema + "CREATE ROLE " + role + ";");
            MigrationFolder folder = new MigrationFolder(dir).addPulled("0000_pulled", probes,
                    "CREATE TABLE should_not_run (id int)");

            MigrationReport report = Migrator.builder(db.dataSource()).source(folder.source()).build().migrate();

            assertThat(report.recorded()).containsExactly("0000_pulled");
            assertThat(Db.tableExists(db, "should_not_run")).isFalse();
        } finally {
            db.execute("DROP ROLE IF EXISTS " + role);
        }
    }

    @Test
    void roleProbesNeedNoSchemaAndTheOthersDo() {
        assertThat(dev.sleet.migrate.internal.ProbeTarget.of(Probe.exists(Probe.Kind.ROLE, "app")).relation()).isEqualTo("app");
        var policy = dev.sleet.migrate.internal.ProbeTarget.of(Probe.exists(Probe.Kind.POLICY, "public.notes.own"));
        assertThat(List.of(policy.schema(), policy.relation(), policy.member())).containsExactly("public", "notes", "own");
        assertThat(Probe.Kind.fromJson("view")).isEqualTo(Probe.Kind.VIEW);
    }

    @Test
    void routineAndTriggerProbesMatchTheCatalogByArgumentsAndTable(TestDatabase db) {
        db.execute("CREATE TABLE notes (body text);"
                + "CREATE FUNCTION area(w integer, h integer DEFAULT 1) RETURNS integer LANGUAGE sql AS 'select w * h';"
                + "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;"
                + "CREATE TRIGGER \"Touch \"\"It\"\"\" BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION touch();");
        List<Probe> probes = List.of(
                Probe.exists(Probe.Kind.ROUTINE, "public.area(w integer, h integer DEFAULT 1)"),
                Probe.absent(Probe.Kind.ROUTINE, "public.area(w integer)"),
                Probe.exists(Probe.Kind.TRIGGER, "public.notes.Touch \"It\""),
                Probe.absent(Probe.Kind.TRIGGER, "public.notes.other"));
        MigrationFolder folder = new MigrationFolder(dir).addPulled("0000_pulled", probes, "CREATE TABLE should_not_run (id int)");

        MigrationReport report = Migrator.builder(db.dataSource()).source(folder.source()).build().migrate();

        assertThat(report.recorded()).containsExactly("0000_pulled");
        assertThat(Db.tableExists(db, "should_not_run")).isFalse();
    }
}
