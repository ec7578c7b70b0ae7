package dev.sleet.sql;

import dev.sleet.dialect.Binder;
import dev.sleet.dialect.Dialect;
import dev.sleet.dialect.ErrorKind;
import dev.sleet.dialect.Feature;
import dev.sleet.dialect.UnsupportedFeatureException;
import dev.sleet.schema.Column;
import dev.sleet.schema.DataType;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.sleet.sql.Jira.TASKS;
import static dev.sleet.sql.Sql.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(PostgresExtension.class)
class DialectSeamTest {

    /** PostgreSQL as a database without RETURNING on UPDATE would be (MySQL, MariaDB). */
    record WithoutUpdateReturning(Dialect postgres) implements Dialect {
        @Override
        public String name() {
            return postgres.name();
        }

        @Override
        public String quote(String identifier) {
            return postgres.quote(identifier);
        }

        @Override
        public String stringLiteral(String text) {
            return postgres.stringLiteral(text);
        }

        @Override
        public boolean supports(Feature feature) {
            return feature != Feature.UPDATE_RETURNING;
        }

        @Override
        public void renderLimitOffset(StringBuilder sql, Integer limit, Integer offset) {
            postgres.renderLimitOffset(sql, limit, offset);
        }

        @Override
        public <T> Binder<T> binder(Column<T> column) {
            return postgres.binder(column);
        }

        @Override
        public <T> Binder<T> binder(DataType<T> type) {
            return postgres.binder(type);
        }

        @Override
        public ErrorKind errorKind(String sqlState) {
            return postgres.errorKind(sqlState);
        }

        @Override
        public String arrayElementType(String sqlType) {
            return postgres.arrayElementType(sqlType);
        }
    }

    @Test
    void aMissingConstructIsAnErrorNamingTheDialect(TestDatabase pg) {
        Jira.seeded(pg);
        Database db = Database.connect(pg.dataSource(), new WithoutUpdateReturning(Dialect.postgresql()));
        assertThatThrownBy(() -> db.update(TASKS).set(TASKS.name, "x").returning(TASKS.id).fetch())
                .isInstanceOf(UnsupportedFeatureException.class)
                .hasMessage("RETURNING on UPDATE is not available on postgresql");
        assertThat(db.select(count()).from(TASKS).fetchValue()).isEqualTo(5L); // nothing ran
        assertThat(db.update(TASKS).set(TASKS.name, "x").where(eq(TASKS.id, 1)).execute()).isEqualTo(1);
    }

    @Test
    void theMigratorAndTheQueriesShareOneDialectObject() {
        assertThat(dev.sleet.migrate.internal.Dialects.forProduct("PostgreSQL")).isSameAs(Dialect.postgresql());
        assertThat(TASKS.dialect()).isSameAs(Dialect.postgresql());
    }

    @Test
    void comparingAnIntegerColumnWithAStringDoesNotCompile(@TempDir Path dir) throws IOException {
        assertThat(compile(dir, "eq(Jira.TASKS.id, 3)")).isEmpty();
        assertThat(compile(dir, "eq(Jira.TASKS.id, \"3\")")).anyMatch(e -> e.contains("eq"));
        assertThat(compile(dir, "eq(Jira.TASKS.id, Jira.TASKS.name)")).isNotEmpty();
        assertThat(compile(dir, "inArray(Jira.TASKS.id, java.util.List.of(\"a\"))")).isNotEmpty();
        assertThat(compile(dir, "like(Jira.TASKS.id, \"%\")")).isNotEmpty();
    }

    /** Compiles a condition in a class beside the tests; the compiler's error messages, none when it compiles. */
    private static List<String> compile(Path dir, String condition) throws IOException {
        Path source = dir.resolve("dev/sleet/sql/Probe.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package dev.sleet.sql;\nimport static dev.sleet.sql.Sql.*;\n"
                + "class Probe { Condition c = " + condition + "; }\n");
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
            compiler.getTask(null, files, diagnostics, List.of("-classpath", classPath, "-d", dir.toString()), null,
                    files.getJavaFileObjects(source)).call();
        }
        return diagnostics.getDiagnostics().stream().map(d -> d.getMessage(null)).toList();
    }
}
