package dev.sleet.cli;

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
import java.util.stream.Stream;

/** A project folder for CLI tests: sleet.toml pointing at a test database, schema code in schema/Schema.java. */
final class Project {

    final Path dir;
    final Path config;
    final TestDatabase db;

    Project(Path dir, TestDatabase db) {
        this.dir = dir;
        this.db = db;
        this.config = dir.resolve("sleet.toml");
        write(config, "dialect = \"postgresql\"\nout = \"./migrations\"\nschema = [\"./schema\"]\n"
                + (db == null ? "" : "[dbCredentials]\nhost = \"" + TestDatabase.HOST + "\"\nport = " + TestDatabase.PORT
                + "\nuser = \"" + TestDatabase.USER + "\"\ndatabase = \"" + db.name() + "\"\n"));
    }

    /** Drops [dbCredentials] from the config (the database is still used by {@link #query}). */
    Project withoutCredentials() {
        write(config, "dialect = \"postgresql\"\nout = \"./migrations\"\nschema = [\"./schema\"]\n");
        return this;
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
        String[] args = new String[3 + more.length];
        args[0] = command;
        args[1] = "--config";
        args[2] = config.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        return Sleet.run(terminal, args);
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

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first column of every row, as text. */
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
