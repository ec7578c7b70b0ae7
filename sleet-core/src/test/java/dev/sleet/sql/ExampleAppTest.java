package dev.sleet.sql;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds examples/jira (its pulled Schema.java and its App) against this build of sleet-core, as
 * an application would, and runs it on a database made with the seed's script.
 */
@ExtendWith(PostgresExtension.class)
class ExampleAppTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "jira");

    @Test
    void theJiraExampleCompilesAndRuns(TestDatabase pg, @TempDir Path classes) throws Exception {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(EXAMPLE.resolve("src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        boolean compiled;
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            compiled = compiler.getTask(null, files, diagnostics,
                    List.of("-classpath", classPath, "-d", classes.toString(), "-Xlint:all", "-Werror"), null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
        }
        assertThat(diagnostics.getDiagnostics()).isEmpty();
        assertThat(compiled).isTrue();

        pg.execute(Files.readString(EXAMPLE.resolve("seed.sql")));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> app = loader.loadClass("jira.app.App");
            app.getMethod("run", Database.class, PrintStream.class)
                    .invoke(null, Database.connect(pg.jdbcUrl() + "?user=" + TestDatabase.USER),
                            new PrintStream(output, true, StandardCharsets.UTF_8));
        }
        assertThat(output.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "created task 3",
                "Task[id=1, name=Write docs, importance=2, user=User[id=1, username=ann]]",
                "Task[id=2, name=Fix login, importance=2, user=User[id=1, username=ann]]",
                "Task[id=3, name=Unassigned, importance=null, user=null]",
                "findMany with user: same 3 tasks",
                "Workload[username=ann, tasks=2]",
                "urgent: [Unassigned]",
                "Tagged[username=ann, tasks=[TaskTags[name=Write docs, tags=[Tag[name=urgent]]], TaskTags[name=Fix login, tags=[]]]]",
                "rejected: no such user",
                "untagged 2",
                "patched: User[id=1, username=ann, name=Ann Lee, avatar=ann.png]");
    }
}
