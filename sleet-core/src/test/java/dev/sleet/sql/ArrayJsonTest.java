package dev.sleet.sql;

import dev.sleet.schema.Column;
import dev.sleet.schema.Table;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.sleet.sql.Sql.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(PostgresExtension.class)
class ArrayJsonTest {

    public static final class Posts extends Table<Posts> {
        public final Column<Integer> id = serial("id").primaryKey();
        public final Column<String> title = text("title");
        public final Column<String[]> tags = text("tags").array();
        public final Column<String> doc = jsonb("doc");

        Posts() {
            super("posts");
        }
    }

    static final Posts POSTS = new Posts();

    private static Database posts(TestDatabase pg) {
        pg.execute("""
                CREATE TABLE posts (id SERIAL PRIMARY KEY, title TEXT, tags TEXT[], doc JSONB);
                INSERT INTO posts (title, tags, doc) VALUES
                  ('a', '{java,sql}', '{"author": {"name": "ann"}, "stars": 5, "draft": false}'),
                  ('b', '{sql}', '{"author": {"name": "bob"}, "stars": 3}'),
                  ('c', '{rust,go}', '{"author": {"name": "cy"}, "draft": true}');
                """);
        return Database.connect(pg.dataSource());
    }

    @Test
    void arrayOperators(TestDatabase pg) {
        Database db = posts(pg);
        assertThat(db.select(POSTS.title).from(POSTS).where(arrayContains(POSTS.tags, "sql")).orderBy(POSTS.id)
                .fetchValues()).containsExactly("a", "b");
        assertThat(db.select(POSTS.title).from(POSTS).where(arrayContained(POSTS.tags, "sql", "java", "kotlin"))
                .orderBy(POSTS.id).fetchValues()).containsExactly("a", "b");
        assertThat(db.select(POSTS.title).from(POSTS).where(arrayOverlaps(POSTS.tags, "go", "java"))
                .orderBy(POSTS.id).fetchValues()).containsExactly("a", "c");
        assertThat(db.select(POSTS.title).from(POSTS).where(eqAny(POSTS.title, List.of("c", "a", "zz")))
                .orderBy(POSTS.id).fetchValues()).containsExactly("a", "c");
        assertThat(db.select(POSTS.title).from(POSTS).where(eqAny(value("rust"), POSTS.tags)).fetchValues())
                .containsExactly("c");
        Expression<String> tag = unnest(POSTS.tags).as("tag");
        assertThat(db.select(tag).from(POSTS).orderBy(tag).fetchValues()).containsExactly("go", "java", "rust", "sql", "sql");
        String[] tags = db.select(POSTS.tags).from(POSTS).where(eq(POSTS.title, "c")).fetchValue();
        assertThat(tags).containsExactly("rust", "go");
    }

    @Test
    void jsonbOperators(TestDatabase pg) {
        Database db = posts(pg);
        Expression<String> author = jsonGetText(jsonGet(POSTS.doc, "author"), "name").as("author");
        assertThat(db.select(author).from(POSTS).orderBy(POSTS.id).fetchValues()).containsExactly("ann", "bob", "cy");
        assertThat(db.select(jsonPathText(POSTS.doc, "author", "name")).from(POSTS).where(jsonHasKey(POSTS.doc, "stars"))
                .orderBy(POSTS.id).fetchValues()).containsExactly("ann", "bob");
        assertThat(db.select(POSTS.title).from(POSTS).where(jsonContains(POSTS.doc, "{\"draft\": true}")).fetchValues())
                .containsExactly("c");
        assertThat(db.select(jsonPath(POSTS.doc, "author")).from(POSTS).where(eq(POSTS.title, "b")).fetchValue())
                .isEqualTo("{\"name\": \"bob\"}");
        Expression<String> built = jsonbBuildObject(Map.of("t", POSTS.title, "n", POSTS.id)).as("built");
        assertThat(db.select(built).from(POSTS).where(eq(POSTS.id, 2)).fetchValue()).isEqualTo("{\"n\": 2, \"t\": \"b\"}");
        assertThat(db.select(jsonbAgg(POSTS.title)).from(POSTS).fetchValue()).isEqualTo("[\"a\", \"b\", \"c\"]");
        assertThatThrownBy(() -> jsonGet(POSTS.title, "x")).hasMessageContaining("needs a json or jsonb expression, not text");
    }

    /** Array operators take only array expressions: applying one to a text column does not compile. */
    @Test
    void arrayOperatorOnScalarColumnDoesNotCompile(@TempDir Path dir) throws Exception {
        String body = "package dev.sleet.sql;\nimport static dev.sleet.sql.Sql.*;\nclass Probe {\n"
                + "  Object ok() { return arrayContains(ArrayJsonTest.POSTS.tags, \"x\"); }\n"
                + "  Object bad() { return %s; }\n}\n";
        assertThat(compile(dir, body.formatted("arrayOverlaps(ArrayJsonTest.POSTS.tags, \"x\")"))).isEmpty();
        assertThat(compile(dir, body.formatted("arrayContains(ArrayJsonTest.POSTS.title, \"x\")")))
                .contains("arrayContains");
    }

    private static String compile(Path dir, String source) throws Exception {
        Path file = dir.resolve("Probe.java");
        Files.writeString(file, source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        compiler.run(null, null, errors, "-d", dir.toString(), "-cp", System.getProperty("java.class.path"), file.toString());
        return errors.toString();
    }
}
