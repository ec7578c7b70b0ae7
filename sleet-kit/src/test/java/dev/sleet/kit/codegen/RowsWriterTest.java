package dev.sleet.kit.codegen;

import dev.sleet.dialect.ErrorKind;
import dev.sleet.kit.compile.SchemaCompiler;
import dev.sleet.kit.dialect.IntrospectOptions;
import dev.sleet.kit.postgres.PostgresDialect;
import dev.sleet.kit.snapshot.CodeSnapshots;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.schema.Column;
import dev.sleet.schema.Table;
import dev.sleet.sql.DataAccessException;
import dev.sleet.sql.Database;
import dev.sleet.sql.Given;
import dev.sleet.sql.Sql;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rows.java as pull writes it for a real database: it compiles beside Schema.java, generate (from
 * the compiled code) writes the same text, and its records insert, read and update rows on PostgreSQL.
 */
@ExtendWith(PostgresExtension.class)
class RowsWriterTest {

    private static final String DDL = """
            CREATE TYPE mood AS ENUM ('up', 'down');
            CREATE TABLE tasks (
              id serial PRIMARY KEY,
              name varchar(100) NOT NULL,
              note text,
              priority integer NOT NULL DEFAULT 3,
              mood mood,
              tags text[],
              "class" text,
              seq bigint GENERATED ALWAYS AS IDENTITY,
              name_length integer GENERATED ALWAYS AS (length(name)) STORED,
              created date DEFAULT DATE '2026-01-02'
            );
            CREATE TABLE categories (code text PRIMARY KEY, label text);
            CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
            CREATE TABLE events (id integer NOT NULL, at date NOT NULL, score positive) PARTITION BY RANGE (at);
            CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
            """;

    @Test
    void pulledRowsCompileMatchGenerateAndInsertReadAndUpdate(TestDatabase pg, @TempDir Path dir) throws Exception {
        pg.execute(DDL);
        Snapshot pulled;
        try (Connection c = pg.connect()) {
            pulled = PostgresDialect.INSTANCE.introspect(c, new IntrospectOptions(List.of("public"), "sleet", "__sleet_migrations"))
                    .snapshot();
        }
        String rowsJava = RowsWriter.fromSnapshot(pulled, "app.db", PostgresDialect.INSTANCE);
        assertThat(rowsJava).startsWith("// " + RowsWriter.MARKER);
        assertThat(rowsJava.replaceAll("\\s+", " ")).contains(
                "public record Task(Integer id, String name, String note, Integer priority, String mood, String[] tags, "
                        + "String class_, Long seq, Integer nameLength, LocalDate created)",
                "public record NewTask(Given<Integer> id, String name, Given<String> note, Given<Integer> priority, "
                        + "Given<String> mood, Given<String[]> tags, Given<String> class_, Given<LocalDate> created)",
                "public static NewTask of(String name)",
                "public record NewCategory(String code, Given<String> label)",
                "public static NewCategory of(String code)",
                "public record TaskPatch(Given<Integer> id, Given<String> name,",
                "public static TaskPatch of()",
                // a domain column is its base type; a partition has its parent's columns, all optional there
                "public record Event(Integer id, LocalDate at, Integer score)",
                "public record NewEvent(Integer id, LocalDate at, Given<Integer> score)",
                "public record Events2026Row(Integer id, LocalDate at, Integer score)");
        assertThat(RowsWriter.isGenerated(rowsJava)).isTrue();

        Path src = Files.createDirectories(dir.resolve("src/app/db"));
        JavaSchemaWriter.GeneratedSources sources = new JavaSchemaWriter(PostgresDialect.INSTANCE).write(pulled, "app.db");
        List<Path> files = List.of(Files.writeString(src.resolve("Schema.java"), sources.schemaJava()),
                Files.writeString(src.resolve("Relations.java"), sources.relationsJava()),
                Files.writeString(src.resolve("Rows.java"), rowsJava));
        SchemaCompiler.LoadedSchema loaded = SchemaCompiler.withCacheDir(dir.resolve("cache")).load(files);
        Snapshot code = CodeSnapshots.of(loaded.tables(), loaded.objects(), PostgresDialect.INSTANCE);
        assertThat(RowsWriter.fromCode(code, loaded.tables(), "app.db")).as("generate writes what pull wrote").isEqualTo(rowsJava);

        Table<?> tasks = loaded.tables().stream().filter(t -> t.tableName().equals("tasks")).findFirst().orElseThrow();
        ClassLoader loader = tasks.getClass().getClassLoader();
        Class<?> task = loader.loadClass("app.db.Rows$Task");
        Class<?> newTask = loader.loadClass("app.db.Rows$NewTask");
        Class<?> taskPatch = loader.loadClass("app.db.Rows$TaskPatch");
        Database db = Database.connect(pg.dataSource());

        Record plain = (Record) call(null, newTask, "of", "plain");
        Record full = (Record) call(call(call(call(call(call(plain, "withName", "full"), "withNote", (Object) null),
                "withPriority", 7), "withMood", "down"), "withTags", (Object) new String[] {"a", "b"}), "withClass_", "c");
        assertThat(call(plain, "note")).isEqualTo(Given.absent());
        assertThat(call(full, "note")).isEqualTo(Given.ofNull());
        db.insert(tasks).values(plain).execute();
        db.insert(tasks).values(List.of(full, (Record) call(plain, "withId", 10))).execute();

        assertThat(rows(pg, "SELECT concat_ws('|', id, name, coalesce(note, '-'), priority, coalesce(mood::text, '-'), "
                + "coalesce(tags::text, '-'), coalesce(class, '-'), seq, name_length, created) FROM tasks ORDER BY id")).containsExactly(
                "1|plain|-|3|-|-|-|1|5|2026-01-02",
                "2|full|-|7|down|{a,b}|c|2|4|2026-01-02",
                "10|plain|-|3|-|-|-|3|5|2026-01-02");

        // An explicit NULL is not the default: priority is NOT NULL, and NULL is what the statement says.
        Record nullPriority = (Record) call(plain, "withPriority", (Object) null);
        assertThatThrownBy(() -> db.insert(tasks).values(nullPriority).execute()).isInstanceOfSatisfying(
                DataAccessException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_NULL_VIOLATION));

        // A patch sets what it gives.
        Record patch = (Record) call(call(call(null, taskPatch, "of"), "withNote", "noted"), "withMood", (Object) null);
        Column<?> id = tasks.column("id").orElseThrow();
        @SuppressWarnings("unchecked")
        Column<Integer> taskId = (Column<Integer>) id;
        assertThat(db.update(tasks).set(patch).where(Sql.eq(taskId, 2)).execute()).isEqualTo(1);

        List<?> read = db.select().from(tasks).orderBy(id).fetch(task);
        assertThat(read).hasSize(3);
        Object second = read.get(1);
        assertThat(Arrays.stream(task.getRecordComponents()).map(RecordComponent::getName))
                .containsExactly("id", "name", "note", "priority", "mood", "tags", "class_", "seq", "nameLength", "created");
        assertThat(List.of(call(second, "id"), call(second, "name"), call(second, "note"), call(second, "priority"),
                call(second, "class_"), call(second, "seq"), call(second, "nameLength"), call(second, "created")))
                .containsExactly(2, "full", "noted", 7, "c", 2L, 4, LocalDate.of(2026, 1, 2));
        assertThat(call(second, "mood")).isNull();
        assertThat((String[]) call(second, "tags")).containsExactly("a", "b");
        // The row as selected inserts too (every component given): generated columns aside, which NewTask leaves out.
        assertThat(newTask.getRecordComponents()).extracting(RecordComponent::getName).doesNotContain("seq", "nameLength");
        assertThat(taskPatch.getRecordComponents()).extracting(RecordComponent::getName).doesNotContain("seq", "nameLength");
    }

    @Test
    void namesThatClashAreAllocated() {
        assertThat(RowsWriter.singular("Tasks")).isEqualTo("Task");
        assertThat(RowsWriter.singular("Categories")).isEqualTo("Category");
        assertThat(RowsWriter.singular("Addresses")).isEqualTo("Address");
        assertThat(RowsWriter.singular("Statuses")).isEqualTo("Status");
        assertThat(RowsWriter.singular("Staff")).isEqualTo("Staff");
        assertThat(RowsWriter.singular("TasksTags")).isEqualTo("TasksTag");
        Snapshot snapshot = SnapshotBuilder.snapshot(SnapshotBuilder.table("task").id(), SnapshotBuilder.table("tasks").id(),
                SnapshotBuilder.table("strings").id(), SnapshotBuilder.table("staff").id());
        String rows = RowsWriter.fromSnapshot(snapshot, "app", PostgresDialect.INSTANCE);
        // staff: no plural to drop; strings: String is java.lang's; task and tasks: one Task.
        assertThat(rows).contains("record StaffRow(", "record NewStaffRow(", "record StaffRowPatch(",
                "record StringsRow(", "record TaskRow(", "record Task(", "record NewTask(", "record NewTaskRow(");
    }

    private static Object call(Object target, String method, Object... arguments) throws Exception {
        return call(target, target.getClass(), method, arguments);
    }

    private static Object call(Object target, Class<?> type, String method, Object... arguments) throws Exception {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == arguments.length) {
                try {
                    return m.invoke(target, arguments);
                } catch (InvocationTargetException e) {
                    throw (Exception) e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + method);
    }

    private static List<String> rows(TestDatabase db, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
