package dev.sleet.cli;

import dev.sleet.migrate.Journal;
import dev.sleet.migrate.MigrationFile;
import dev.sleet.testing.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project folder for CLI tests: sleet.toml pointing at a test database, schema code in
 * schema/Schema.java (package app), where pull writes it too.
 */
final class Project {

    private static final String SETTINGS = "dialect = \"postgresql\"\nout = \"./migrations\"\nschema = [\"./schema\"]\nschemaOut = \"./schema\"\npackage = \"app\"\n";

    final Path dir;
    final Path config;
    final TestDatabase db;
    /** Extra top-level config lines (e.g. {@code schemaFilter}), kept by {@link #on}. */
    private final String extraSettings;

    Project(Path dir, TestDatabase db) {
        this(dir, db, "sleet.toml", "");
    }

    private Project(Path dir, TestDatabase db, String configName, String extraSettings) {
        this.dir = dir;
        this.db = db;
        this.config = dir.resolve(configName);
        this.extraSettings = extraSettings;
        if (db == null) {
            withoutCredentials();
        } else {
            dbCredentials(credentials(db.name()));
        }
    }

    /** [dbCredentials] lines for a database on the local test server. */
    static String credentials(String database) {
        return "host = \"" + TestDatabase.HOST + "\"\nport = " + TestDatabase.PORT + "\nuser = \"" + TestDatabase.USER
                + "\"\ndatabase = \"" + database + "\"\n";
    }

    /** Drops [dbCredentials] from the config (the database is still used by {@link #query}). */
    Project withoutCredentials() {
        write(config, SETTINGS + extraSettings);
        return this;
    }

    /** Puts these lines in [dbCredentials] instead (another server, a URL, a password, a timeout...). */
    Project dbCredentials(String lines) {
        write(config, SETTINGS + extraSettings + "[dbCredentials]\n" + lines + (lines.endsWith("\n") ? "" : "\n"));
        return this;
    }

    /** The same folder (code and migrations) with a config of its own pointing at another database. */
    Project on(TestDatabase other) {
        return new Project(dir, other, "sleet-" + other.name() + ".toml", extraSettings);
    }

    /** The same project reading these schemas ({@code schemaFilter}) instead of {@code public}. */
    Project schemaFilter(List<String> schemas) {
        StringBuilder line = new StringBuilder("schemaFilter = [");
        for (String schema : schemas) {
            line.append(line.charAt(line.length() - 1) == '[' ? "" : ", ").append(javaString(schema));
        }
        return new Project(dir, db, config.getFileName().toString(), line.append("]\n").toString());
    }

    /** A copy of this project's code and migrations in {@code to}, pointed at {@code other}. */
    Project copy(Path to, TestDatabase other) {
        contents().forEach((file, content) -> write(to.resolve(file), content));
        return new Project(to, other);
    }

    /** The tags the journal lists, in order (none without a journal). */
    List<String> tags() {
        Path journal = migrations().resolve("meta/_journal.json");
        return Files.exists(journal) ? Journal.read(journal).tags() : List.of();
    }

    /** The schema code as it is now (written by {@link #schema} or by pull). */
    String schemaCode() {
        try {
            Path file = dir.resolve("schema/Schema.java");
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** schema/Rows.java as it is now (written by pull or generate); empty when there is none. */
    String rowsCode() {
        try {
            Path file = dir.resolve("schema/Rows.java");
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file of the project but its configs, with its content: to show that a command changed nothing. */
    Map<String, String> contents() {
        try (Stream<Path> files = Files.walk(dir)) {
            Map<String, String> contents = new TreeMap<>();
            for (Path file : files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".toml")).toList()) {
                contents.put(dir.relativize(file).toString(), Files.readString(file));
            }
            return contents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes schema/Schema.java with the given table classes (nested in class Schema, package app). */
    Project schema(String tables) {
        write(dir.resolve("schema/Schema.java"), """
                package app;

                import dev.sleet.schema.*;

                public final class Schema {
                """ + tables.indent(4) + "}\n");
        return this;
    }

    Sleet sleet(String command, String... more) {
        return Sleet.run(command, config, more);
    }

    Sleet sleet(Terminal terminal, String command, String... more) {
        return Sleet.run(terminal, args(command, more));
    }

    /** The command line for {@code command} on this project's config. */
    String[] args(String command, String... more) {
        String[] args = new String[3 + more.length];
        args[0] = command;
        args[1] = "--config";
        args[2] = config.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        return args;
    }

    Path migrations() {
        return dir.resolve("migrations");
    }

    /** Makes this project's migrations folder a copy of {@code other}'s, as a checkout of the same history would. */
    Project copyMigrationsFrom(Project other) {
        for (String file : other.files()) {
            write(migrations().resolve(file), other.read(file));
        }
        return this;
    }

    /** File names under migrations/, sorted, e.g. "0000_x.sql", "meta/_journal.json". */
    List<String> files() {
        if (!Files.isDirectory(migrations())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(migrations())) {
            return files.filter(Files::isRegularFile).map(p -> migrations().relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(String file) {
        try {
            return Files.readString(migrations().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that a line-by-line splitter would cut {@code file} exactly where the migrator does:
     * no line inside a literal or a quoted name can be taken for the breakpoint marker.
     */
    void assertLineSafe(String file) {
        String sql = read(file);
        List<String> statements = MigrationFile.statements(sql, true, "postgresql");
        List<String> byLines = new ArrayList<>();
        for (String piece : sql.split("\n[ \t]*" + Pattern.quote(MigrationFile.BREAKPOINT) + "[ \t]*(?=\n|$)", -1)) {
            if (!piece.isBlank()) {
                byLines.add(piece.strip());
            }
        }
        assertThat(byLines).as(sql).isEqualTo(statements);
        assertThat(sql).doesNotContain("\r");
    }

    /** A Java string literal for {@code text}; control characters as octal escapes (a backslash-u escape would be read before the string). */
    static String javaString(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> literal.append("\\\\");
                case '"' -> literal.append("\\\"");
                default -> literal.append(c < 0x20 ? String.format("\\%03o", (int) c) : String.valueOf(c));
            }
        }
        return literal.append('"').toString();
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first column of every row, as text. */
    /** Pull again, then generate: the code already matches the database and there is nothing to migrate (a round trip settled). */
    void assertSettled() {
        Sleet again = sleet("pull");
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).as(again.all()).contains("already matches");
        Sleet generated = sleet("generate");
        assertThat(generated.exitCode()).as(generated.all()).isZero();
        assertThat(generated.out()).as(generated.all()).contains("No schema changes");
    }

    List<String> query(String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
