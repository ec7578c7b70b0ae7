package dev.sleet.migrate;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Migration files are UTF-8: other bytes are an error that says where, a byte order mark is no statement. */
@ExtendWith(PostgresExtension.class)
class FileEncodingTest {

    @TempDir
    Path dir;

    /** A folder whose second migration was saved as Latin-1: 'café' with the byte 0xE9. */
    private MigrationFolder latin1Folder() throws IOException {
        MigrationFolder folder = new MigrationFolder(dir).add("0000_first", "CREATE TABLE notes (body text);")
                .add("0001_latin1", "INSERT INTO notes VALUES ('x');");
        Files.write(dir.resolve("0001_latin1.sql"), "INSERT INTO notes\nVALUES ('café');\n".getBytes(StandardCharsets.ISO_8859_1));
        return folder;
    }

    @Test
    void aFileThatIsNotUtf8IsNamedWithTheLineOfItsFirstBadByteAndNothingRuns(TestDatabase db) throws IOException {
        MigrationFolder folder = latin1Folder();

        assertThatThrownBy(() -> Migrator.builder(db.dataSource()).source(folder.source()).build().migrate())
                .isInstanceOf(MigrationException.class)
                .hasMessage("Migration file 0001_latin1.sql is not UTF-8: line 2 holds the byte 0xE9, which UTF-8 does not"
                        + " allow there (was the file saved as Latin-1 or Windows-1252?). Save it as UTF-8.");
        assertThat(Db.tableExists(db, "notes")).isFalse();
    }

    @Test
    void fromTheClasspathTooABadByteIsAnErrorNotAReplacementCharacterInTheDatabase(TestDatabase db) throws IOException {
        latin1Folder();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.getParent().toUri().toURL()}, null)) {
            MigrationSource source = MigrationSource.classpath(dir.getFileName().toString(), loader);

            assertThatThrownBy(() -> Migrator.builder(db.dataSource()).source(source).build().migrate())
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("0001_latin1.sql is not UTF-8: line 2 holds the byte 0xE9");
        }
        assertThat(Db.tableExists(db, "notes")).isFalse();
    }

    @Test
    void aByteOrderMarkBeforeTheFirstStatementIsNotPartOfIt(TestDatabase db) throws IOException {
        MigrationFolder folder = new MigrationFolder(dir).add("0000_bom", "CREATE TABLE notes (body text);");
        Path file = dir.resolve("0000_bom.sql");
        String text = Files.readString(file);
        Files.writeString(file, "\uFEFF" + text);

        Migrator.builder(db.dataSource()).source(folder.source()).build().migrate();

        assertThat(Db.tableExists(db, "notes")).isTrue();
        // the hash is still that of the file's text, mark and all
        assertThat(Db.column(db, "SELECT hash FROM sleet.__sleet_migrations")).containsExactly(MigrationFile.hash("\uFEFF" + text));
    }
}
