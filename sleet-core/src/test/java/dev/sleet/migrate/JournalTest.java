package dev.sleet.migrate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalTest {

    private static final String DOCUMENTED = """
            {
              "version": 1,
              "dialect": "postgresql",
              "entries": [
                {
                  "idx": 0,
                  "tag": "0000_brisk_glacier",
                  "when": 1795628397336,
                  "breakpoints": true
                },
                {
                  "idx": 1,
                  "tag": "0001_quiet_thaw",
                  "when": 1795628397999,
                  "breakpoints": true,
                  "transaction": false,
                  "pulled": [
                    { "kind": "table", "name": "public.users", "present": true },
                    { "kind": "column", "name": "public.tasks.importance", "present": true },
                    { "kind": "index", "name": "public.idx_tasks_epic", "present": true },
                    { "kind": "constraint", "name": "public.tasks.fk_task_user", "present": false }
                  ]
                }
              ]
            }
            """;

    private static Journal documentedJournal() {
        return Journal.empty("postgresql")
                .append("0000_brisk_glacier", 1795628397336L, true, null)
                .append("0001_quiet_thaw", 1795628397999L, false, List.of(
                        Probe.exists(Probe.Kind.TABLE, "public.users"),
                        Probe.exists(Probe.Kind.COLUMN, "public.tasks.importance"),
                        Probe.exists(Probe.Kind.INDEX, "public.idx_tasks_epic"),
                        Probe.absent(Probe.Kind.CONSTRAINT, "public.tasks.fk_task_user")));
    }

    @Test
    void writesTheDocumentedLayoutExactly() {
        assertThat(documentedJournal().toJson()).isEqualTo(DOCUMENTED);
    }

    @Test
    void writeThenReadThenWriteIsByteIdentical(@TempDir Path dir) throws Exception {
        Journal journal = documentedJournal()
                .append("0002_odd \"name\" ü", 1795628398000L, true, List.of());
        Path first = dir.resolve("a/meta/_journal.json");
        Path second = dir.resolve("b/meta/_journal.json");

        journal.write(first);
        Journal read = Journal.read(first);
        read.write(second);

        assertThat(read).isEqualTo(journal);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        assertThat(read.entries().get(2).pulled()).isEmpty();
        assertThat(read.entries().get(0).pulled()).isNull();
        assertThat(read.entries().get(1).transaction()).isFalse();
        assertThat(read.entries().get(0).transaction()).isTrue();
    }

    @Test
    void emptyJournalHasAnEmptyEntriesArray() {
        assertThat(Journal.empty("postgresql").toJson())
                .isEqualTo("{\n  \"version\": 1,\n  \"dialect\": \"postgresql\",\n  \"entries\": []\n}\n");
    }

    @Test
    void appendNumbersEntriesAndLeavesTheOriginalUntouched() {
        Journal empty = Journal.empty("postgresql");
        Journal two = empty.append("0000_a", 1, true, null).append("0001_b", 2, true, null);

        assertThat(empty.entries()).isEmpty();
        assertThat(two.entries()).extracting(JournalEntry::idx).containsExactly(0, 1);
        assertThat(two.tags()).containsExactly("0000_a", "0001_b");
        assertThat(two.nextIdx()).isEqualTo(2);
        assertThat(two.entry("0001_b")).get().extracting(JournalEntry::fileName).isEqualTo("0001_b.sql");
        assertThatThrownBy(() -> two.append("0000_a", 3, true, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0000_a appears twice");
    }

    @Test
    void unknownFieldsAreIgnoredAndDefaultsApply() {
        String json = """
                {"version": 1, "dialect": "postgresql", "futureField": {"x": [1]},
                 "entries": [{"idx": 0, "tag": "0000_a", "when": 5, "extra": "y"}]}
                """;
        Journal journal = Journal.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(journal.entries()).containsExactly(new JournalEntry(0, "0000_a", 5, true, true, null));
    }

    @Test
    void missingJournalIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> Journal.read(Journal.location(dir)))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("No migration journal at " + dir.resolve("meta").resolve("_journal.json"));
    }

    @Test
    void invalidJournalsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> read("{\"version\": 1, \"dialect\": \"postgresql\"}"))
                .isInstanceOf(MigrationException.class).hasMessageContaining("\"entries\" must be an array");
        assertThatThrownBy(() -> read("{\"version\": 2, \"dialect\": \"postgresql\", \"entries\": []}"))
                .isInstanceOf(MigrationException.class).hasMessageContaining("newer than this Sleet understands");
        assertThatThrownBy(() -> read("{\"version\": 1, \"dialect\": \"postgresql\", \"entries\": ["
                + "{\"idx\": 0, \"tag\": \"0000_a\", \"when\": 1, \"pulled\": [{\"kind\": \"operator\", \"name\": \"public.v\", \"present\": true}]}]}"))
                .isInstanceOf(MigrationException.class).hasMessageContaining("entry 0000_a: unknown probe kind 'operator'");
        assertThatThrownBy(() -> read("{\"version\": 1, \"dialect\": \"postgresql\", \"entries\": ["
                + "{\"idx\": 0, \"tag\": \"../etc/passwd\", \"when\": 1}]}"))
                .isInstanceOf(MigrationException.class).hasMessageContaining("invalid migration tag");
        // a control character cannot be part of a file name everywhere, and a NUL nowhere
        assertThatThrownBy(() -> read("{\"version\": 1, \"dialect\": \"postgresql\", \"entries\": ["
                + "{\"idx\": 0, \"tag\": \"0000_a\\u0000b\\nc\", \"when\": 1}]}"))
                .isInstanceOf(MigrationException.class).hasMessageContaining("invalid migration tag '0000_a\\u0000b\\u000ac'");
        assertThatThrownBy(() -> read("not json"))
                .isInstanceOf(MigrationException.class).hasMessageContaining("not valid JSON");
    }

    private static Journal read(String json) {
        return Journal.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
