package dev.sleet.kit.tasks;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.migrate.Probe;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProbesTest {

    @Test
    void whatAPulledMigrationMakesExistIsNamedAfterItsRenamesAndWhatItRemovesBefore() {
        List<Probe> probes = Probes.of(List.of(
                new Change.RenameSchema("app", "data"),
                new Change.RenameTable("data", "users", "accounts"),
                new Change.RenameColumn("data", "accounts", "name", "full_name"),
                new Change.DropColumn("data", "accounts", "age"),
                new Change.AddColumn("data", "accounts", new ColumnSnapshot("email", "text", false, false, null))));

        // On a database the migration has not reached, every probe fails; on one it has, every probe holds.
        assertThat(probes).containsExactly(
                Probe.absent(Probe.Kind.SCHEMA, "app"), Probe.exists(Probe.Kind.SCHEMA, "data"),
                Probe.absent(Probe.Kind.TABLE, "app.users"), Probe.exists(Probe.Kind.TABLE, "data.accounts"),
                Probe.absent(Probe.Kind.COLUMN, "app.users.name"), Probe.exists(Probe.Kind.COLUMN, "data.accounts.full_name"),
                Probe.absent(Probe.Kind.COLUMN, "app.users.age"), Probe.exists(Probe.Kind.COLUMN, "data.accounts.email"));
    }
}
