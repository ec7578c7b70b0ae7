package dev.sleet.kit.compile;

import dev.sleet.kit.SleetException;
import dev.sleet.schema.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaCompilerTest {

    static final String SCHEMA = """
            package app.db;

            import dev.sleet.schema.Column;
            import dev.sleet.schema.Table;

            public final class Schema {
              public static final Users USERS = new Users();
              public static final Tasks TASKS = new Tasks();

              private Schema() {}

              public static final class Users extends Table<Users> {
                public final Column<Integer> id = serial("id").primaryKey();
                public final Column<String> name = text("name").notNull();

                public Users() {
                  super("users");
                }
              }

              public static final class Tasks extends Table<Tasks> {
                public final Column<Integer> id = serial("id").primaryKey();
                public final Column<Integer> userId = integer("user_id").references(() -> USERS.id);

                public Tasks() {
                  super("tasks");
                }
              }
            }
            """;

    static final String RELATIONS = """
            package app.db;

            import static dev.sleet.schema.Relation.many;
            import static dev.sleet.schema.Relation.one;

            import dev.sleet.schema.TableRelations;

            public final class Relations {
              public static final TableRelations TASKS = TableRelations.of(Schema.TASKS,
                  one("user", Schema.USERS, Schema.TASKS.userId, Schema.USERS.id));

              public static final TableRelations USERS = TableRelations.of(Schema.USERS,
                  many("tasks", Schema.TASKS));

              private Relations() {}
            }
            """;

    @TempDir
    Path dir;

    @Test
    void compilesAndLoadsTablesAndRelationsInAChildLoader() {
        SchemaCompiler.LoadedSchema loaded = compiler().load(List.of(source("Schema.java", SCHEMA), source("Relations.java", RELATIONS)));

        assertThat(loaded.tables()).extracting(Table::tableName).containsExactly("tasks", "users");
        assertThat(loaded.relations()).extracting(r -> r.table().tableName()).containsExactly("tasks", "users");
        Table<?> users = loaded.tables().get(1);
        // The same Table class on both sides, the schema's own classes in a loader of their own.
        assertThat(users).isInstanceOf(Table.class);
        assertThat(users.getClass().getSuperclass()).isSameAs(Table.class);
        ClassLoader loader = users.getClass().getClassLoader();
        assertThat(loader).isNotSameAs(Table.class.getClassLoader());
        assertThat(loader.getParent()).isSameAs(Table.class.getClassLoader());
        assertThat(loaded.relations().get(0).relations().get(0).target()).isSameAs(users);
    }

    @Test
    void unchangedSourcesAreNotCompiledAgain() throws IOException {
        List<Path> sources = List.of(source("Schema.java", SCHEMA), source("Relations.java", RELATIONS));

        SchemaCompiler.CompiledSchema first = compiler().compile(sources);
        Path classFile = first.classesDir().resolve("app/db/Schema.class");
        FileTime compiledAt = Files.getLastModifiedTime(classFile);
        SchemaCompiler.CompiledSchema second = compiler().compile(sources);

        assertThat(first.cached()).isFalse();
        assertThat(second.cached()).isTrue();
        assertThat(second.classesDir()).isEqualTo(first.classesDir());
        assertThat(second.classNames()).isEqualTo(first.classNames())
                .contains("app.db.Schema", "app.db.Schema$Users", "app.db.Relations");
        assertThat(Files.getLastModifiedTime(classFile)).isEqualTo(compiledAt);
        assertThat(cacheEntries()).hasSize(1);

        Files.writeString(sources.get(0), SCHEMA.replace("text(\"name\")", "varchar(\"name\", 80)"));
        SchemaCompiler.CompiledSchema third = compiler().compile(sources);

        assertThat(third.cached()).isFalse();
        assertThat(third.classesDir()).isNotEqualTo(first.classesDir());
        assertThat(cacheEntries()).hasSize(2);
        assertThat(third.load().tables().get(1).column("name").orElseThrow().type().sql()).isEqualTo("varchar(80)");
    }

    @Test
    void entriesUnusedForAMonthGoWhenANewOneIsWritten() throws IOException {
        List<Path> old = List.of(source("Schema.java", SCHEMA));
        Path oldEntry = compiler().compile(old).classesDir().getParent();
        Path recent = Files.createDirectories(dir.resolve("other"));
        List<Path> recentSources = List.of(Files.writeString(recent.resolve("Schema.java"), SCHEMA.replace("\"tasks\"", "\"jobs\"")));
        Path recentEntry = compiler().compile(recentSources).classesDir().getParent();
        long monthAndADay = SchemaCompiler.UNUSED_ENTRY_MILLIS + 24 * 3600_000L;
        FileTime longAgo = FileTime.fromMillis(System.currentTimeMillis() - monthAndADay);
        Files.setLastModifiedTime(oldEntry.resolve("complete"), longAgo);
        Files.setLastModifiedTime(recentEntry.resolve("complete"), longAgo);

        // A hit marks its entry as used; then a new compilation clears what stayed unused.
        assertThat(compiler().compile(recentSources).cached()).isTrue();
        assertThat(Files.getLastModifiedTime(recentEntry.resolve("complete")).toMillis())
                .isGreaterThan(System.currentTimeMillis() - 60_000);
        Files.writeString(recentSources.get(0), SCHEMA.replace("\"tasks\"", "\"chores\""));
        Path newEntry = compiler().compile(recentSources).classesDir().getParent();

        assertThat(cacheEntries()).containsExactlyInAnyOrder(recentEntry, newEntry);
        assertThat(oldEntry).doesNotExist();
    }

    @Test
    void anEntryWithoutItsMarkerIsNeverUsedAndCrashLeftoversAreCleared() throws IOException {
        List<Path> sources = List.of(source("Schema.java", SCHEMA));
        SchemaCompiler.CompiledSchema first = compiler().compile(sources);
        Path entry = first.classesDir().getParent();
        Files.delete(entry.resolve("complete"));
        Files.delete(first.classesDir().resolve("app/db/Schema.class"));
        Path leftover = Files.createDirectories(dir.resolve("cache").resolve("0123456789ab.tmp-42/classes"));
        Files.setLastModifiedTime(leftover.getParent(), FileTime.fromMillis(System.currentTimeMillis() - 2 * 3600_000L));

        SchemaCompiler.CompiledSchema second = compiler().compile(sources);

        assertThat(second.cached()).isFalse();
        assertThat(second.classesDir()).isEqualTo(first.classesDir());
        assertThat(entry.resolve("complete")).isRegularFile();
        assertThat(second.load().tables()).hasSize(2);
        assertThat(leftover.getParent()).doesNotExist();
        assertThat(cacheEntries()).containsExactly(entry);
    }

    @Test
    void typeErrorsListFileLineAndColumnAndWriteNothing() throws IOException {
        Path schema = source("Schema.java", SCHEMA.replace("integer(\"user_id\")", "integr(\"user_id\")")
                .replace("text(\"name\")", "text(nam)"));

        assertThatThrownBy(() -> compiler().compile(List.of(schema)))
                .isInstanceOf(SleetException.class)
                .hasMessageStartingWith("The schema code does not compile (2 errors):\n")
                .hasMessageContaining("Schema.java:14:45: error: cannot find symbol\n"
                        + "    public final Column<String> name = text(nam).notNull();\n"
                        + "                                            ^\n")
                .hasMessageContaining("Schema.java:23:43: error: cannot find symbol\n"
                        + "    public final Column<Integer> userId = integr(\"user_id\").references(() -> USERS.id);\n")
                .hasMessageContaining("symbol:   method integr(java.lang.String)");
        assertThat(cacheEntries()).isEmpty();
    }

    @Test
    void syntaxErrorsToo() throws IOException {
        Path broken = source("Broken.java", """
                package app.db;

                public final class Broken {
                  int x = ;
                }
                """);

        assertThatThrownBy(() -> compiler().compile(List.of(source("Schema.java", SCHEMA), broken)))
                .isInstanceOf(SleetException.class)
                .hasMessageContaining("Broken.java:4:11: error: illegal start of expression");
        assertThat(cacheEntries()).isEmpty();
    }

    @Test
    void warningsAreNotErrors() {
        Path source = source("Schema.java", SCHEMA.replace("private Schema() {}",
                "private Schema() {}\n  @Deprecated static java.util.List raw() { return new java.util.ArrayList(); }"));

        SchemaCompiler.LoadedSchema loaded = compiler().load(List.of(source));

        assertThat(loaded.tables()).hasSize(2);
    }

    @Test
    void failuresWhileInitialisingNameTheClassAndTheCause() {
        Path source = source("Schema.java", SCHEMA.replace("text(\"name\").notNull()", "text(\"id\")"));

        // Relations sorts first, and its initialisation would set off Schema's: Schema is still named.
        assertThatThrownBy(() -> compiler().load(List.of(source, source("Relations.java", RELATIONS))))
                .isInstanceOf(SleetException.class)
                .hasMessage("Loading the schema class app.db.Schema failed: Table users declares column \"id\" twice"
                        + " (at Schema.java:14)");
    }

    @Test
    void relationsAreCheckedAgainstTheirTables() {
        Path schema = source("Schema.java", SCHEMA);
        Path wrongField = source("Relations.java", RELATIONS.replace("Schema.TASKS.userId, Schema.USERS.id",
                "Schema.USERS.id, Schema.USERS.id"));
        assertThatThrownBy(() -> compiler().load(List.of(schema, wrongField)))
                .isInstanceOf(SleetException.class)
                .hasMessageContaining("Relation \"user\" of public.tasks")
                .hasMessageContaining("users.id is not a column of public.tasks");

        Path wrongReference = source("Relations.java", RELATIONS.replace("Schema.TASKS.userId, Schema.USERS.id",
                "Schema.TASKS.userId, Schema.TASKS.id"));
        assertThatThrownBy(() -> compiler().load(List.of(schema, wrongReference)))
                .isInstanceOf(SleetException.class)
                .hasMessageContaining("Relation \"user\" of public.tasks")
                .hasMessageContaining("not a column of its target public.users");

        Path unmatchedMany = source("Relations.java", RELATIONS.replace("many(\"tasks\", Schema.TASKS)",
                "many(\"tasks\", Schema.TASKS), many(\"users\", Schema.USERS)"));
        assertThatThrownBy(() -> compiler().load(List.of(schema, unmatchedMany)))
                .isInstanceOf(SleetException.class)
                .hasMessageContaining("Relation \"users\" of public.users has nothing on the other side");

        Path wrongVia = source("Relations.java", RELATIONS.replace("many(\"tasks\", Schema.TASKS)",
                "many(\"tasks\", Schema.TASKS).via(\"tasks_owner_fkey\")"));
        assertThatThrownBy(() -> compiler().load(List.of(schema, wrongVia)))
                .isInstanceOf(SleetException.class)
                .hasMessageContaining("Relation \"tasks\" of public.users")
                .hasMessageContaining("via \"tasks_owner_fkey\"");

        Path twice = source("Relations.java", RELATIONS.replace("many(\"tasks\", Schema.TASKS)",
                "many(\"tasks\", Schema.TASKS), many(\"tasks\", Schema.TASKS)"));
        assertThatThrownBy(() -> compiler().load(List.of(schema, twice)))
                .isInstanceOf(SleetException.class)
                .hasMessageContaining("Relation \"tasks\" of public.users is declared twice");
    }

    @Test
    void aManyIsMatchedByAOneWhenThereIsNoForeignKey() {
        Path schema = source("Schema.java", SCHEMA.replace(".references(() -> USERS.id)", ""));

        SchemaCompiler.LoadedSchema loaded = compiler().load(List.of(schema, source("Relations.java", RELATIONS)));

        assertThat(loaded.relations()).hasSize(2);
    }

    @Test
    void codeWithoutTablesIsAnError() {
        Path source = source("Empty.java", "package app.db;\npublic final class Empty {}\n");

        assertThatThrownBy(() -> compiler().load(List.of(source)))
                .isInstanceOf(SleetException.class)
                .hasMessageContaining("declares no tables");
    }

    @Test
    void noSourcesIsAnError() {
        assertThatThrownBy(() -> compiler().compile(List.of()))
                .isInstanceOf(SleetException.class)
                .hasMessageContaining("No schema source files");
    }

    @Test
    void compilesAgainstSleetCoreWhereverItIsLoadedFrom() {
        Path core = SchemaCompiler.coreLocation();

        assertThat(core).exists();
        assertThat(Files.isDirectory(core) || core.toString().endsWith(".jar")).isTrue();
    }

    @Test
    void defaultCacheDirectory() {
        assertThat(SchemaCompiler.defaultCacheDir(Map.of("SLEET_CACHE_DIR", "/var/cache/sleet")))
                .isEqualTo(Paths.get("/var/cache/sleet/compiled"));
        assertThat(SchemaCompiler.defaultCacheDir(Map.of("XDG_CACHE_HOME", "/home/me/.xdg")))
                .isEqualTo(Paths.get("/home/me/.xdg/sleet/compiled"));
        assertThat(SchemaCompiler.defaultCacheDir(Map.of()))
                .isEqualTo(Paths.get(System.getProperty("user.home"), ".cache", "sleet", "compiled"));
    }

    private SchemaCompiler compiler() {
        return SchemaCompiler.withCacheDir(dir.resolve("cache"));
    }

    private Path source(String name, String text) {
        try {
            Path folder = Files.createDirectories(dir.resolve("src/app/db"));
            return Files.writeString(folder.resolve(name), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<Path> cacheEntries() throws IOException {
        Path cache = dir.resolve("cache");
        if (!Files.exists(cache)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(cache)) {
            return list.toList();
        }
    }
}
