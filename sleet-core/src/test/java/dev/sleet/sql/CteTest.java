package dev.sleet.sql;

import dev.sleet.schema.Column;
import dev.sleet.schema.Table;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.sleet.sql.Jira.TASKS;
import static dev.sleet.sql.Jira.USERS;
import static dev.sleet.sql.Sql.*;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(PostgresExtension.class)
class CteTest {

    /** A self-referencing table: folders inside folders. */
    static final class Folders extends Table<Folders> {
        final Column<Integer> id = serial("id").primaryKey();
        final Column<Integer> parentId = integer("parent_id");
        final Column<String> name = text("name");

        Folders() {
            super("folders");
        }
    }

    static final Folders FOLDERS = new Folders();

    static final class Archive extends Table<Archive> {
        final Column<Integer> id = integer("id").primaryKey();
        final Column<String> name = text("name");

        Archive() {
            super("archive");
        }
    }

    static final Archive ARCHIVE = new Archive();

    record Path(int id, String path, int depth) {
    }

    private static Database folders(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        pg.execute("""
                CREATE TABLE folders (id SERIAL PRIMARY KEY, parent_id INT REFERENCES folders (id), name TEXT NOT NULL);
                INSERT INTO folders (parent_id, name) VALUES (NULL, 'root'), (1, 'docs'), (1, 'src'), (3, 'main'),
                  (4, 'java'), (2, 'api'), (NULL, 'other'), (7, 'tmp');
                CREATE TABLE archive (id INT PRIMARY KEY, name TEXT);
                """);
        return db;
    }

    @Test
    void cteInSelect(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        Cte busy = Cte.of("busy", db.select(TASKS.userId, count().as("tasks")).from(TASKS)
                .where(isNotNull(TASKS.userId)).groupBy(TASKS.userId));
        Expression<Long> tasks = busy.field(count().as("tasks"));
        List<Row> rows = db.with(busy).select(USERS.name, busy.field(TASKS.userId), tasks).from(USERS)
                .innerJoin(busy, eq(busy.field(TASKS.userId), USERS.id)).orderBy(USERS.id).fetch();
        assertThat(rows).extracting(r -> r.get(USERS.name) + "=" + r.get("tasks", Long.class))
                .containsExactly("Ann Lee=2", "Bob Stone=2");
    }

    /** The tree walk of docs/queries.md, as written there (theDocsTreeWalkIsTheOneThisClassRuns keeps them equal). */
    @Test
    void recursiveTreeWalk(TestDatabase pg) {
        Database db = folders(pg);
        Expression<String> path = FOLDERS.name.as("path");
        Expression<Integer> depth = value(0).as("depth");
        Cte tree = Cte.recursive("tree",
                db.select(FOLDERS.id, path, depth).from(FOLDERS).where(isNull(FOLDERS.parentId)),
                self -> db.select(FOLDERS.id, concat(self.field(path), value("/"), FOLDERS.name), add(self.field(depth), 1))
                        .from(FOLDERS).innerJoin(self, eq(FOLDERS.parentId, self.field(FOLDERS.id))));
        List<Path> paths = db.with(tree).select().from(tree).orderBy(tree.field(path)).fetch(Path.class);
        // Both roots (parent NULL) with everything under them.
        assertThat(paths).containsExactly(new Path(7, "other", 0), new Path(8, "other/tmp", 1), new Path(1, "root", 0),
                new Path(2, "root/docs", 1), new Path(6, "root/docs/api", 2), new Path(3, "root/src", 1),
                new Path(4, "root/src/main", 2), new Path(5, "root/src/main/java", 3));
        assertThat(db.with(tree).select().from(tree).toSql()).startsWith("with recursive \"tree\" as ((select ");
    }

    /** docs/queries.md's tree walk is code that recursiveTreeWalk runs, not a variant of it. */
    @Test
    void theDocsTreeWalkIsTheOneThisClassRuns() throws IOException {
        String doc = Files.readString(Paths.get("../docs/queries.md"));
        int example = doc.indexOf("```java", doc.indexOf("CteTest.recursiveTreeWalk runs"));
        String code = doc.substring(example + "```java".length(), doc.indexOf("```", example + "```java".length()));
        String test = Files.readString(Paths.get("src/test/java/dev/sleet/sql/CteTest.java"));
        // Indentation differs between the page and this class; the tokens and their order may not.
        assertThat(code).contains("Cte.recursive(");
        assertThat(test.replaceAll("\\s+", " ")).contains(code.strip().replaceAll("\\s+", " "));
    }

    /** Writers add folders while readers walk the tree: every walk sees a whole tree (each row's parent in it). */
    @Test
    void recursiveWalkWhileWritersAddFolders(TestDatabase pg) throws Exception {
        Database db = folders(pg);
        Expression<Integer> depth = value(0).as("depth");
        Expression<Integer> parent = FOLDERS.parentId.as("parent");
        Cte tree = Cte.recursive("tree",
                db.select(FOLDERS.id, parent, depth).from(FOLDERS).where(eq(FOLDERS.name, "root")),
                self -> db.select(FOLDERS.id, FOLDERS.parentId, add(self.field(depth), 1))
                        .from(FOLDERS).innerJoin(self, eq(FOLDERS.parentId, self.field(FOLDERS.id))));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> work = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            work.add(pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    int under = i % 5 + 1; // root, docs, src, main, java: all under root
                    db.insert(FOLDERS).values(r -> r.set(FOLDERS.parentId, under).set(FOLDERS.name, "new")).execute();
                }
                return 0;
            }));
            work.add(pool.submit(() -> {
                int walks = 0;
                for (int i = 0; i < 20; i++) {
                    List<Row> rows = db.with(tree).select().from(tree).fetch();
                    Set<Integer> ids = new HashSet<>();
                    rows.forEach(r -> ids.add(r.get(tree.field(FOLDERS.id))));
                    for (Row row : rows) {
                        Integer up = row.get(tree.field(parent));
                        assertThat(up == null || ids.contains(up)).as("parent of %s", row).isTrue();
                    }
                    assertThat(ids).hasSizeGreaterThanOrEqualTo(6);
                    walks++;
                }
                return walks;
            }));
        }
        for (Future<Integer> f : work) {
            f.get();
        }
        pool.shutdown();
        // Everything under root: the six of the seed and the 80 added.
        assertThat(db.with(tree).select(count()).from(tree).fetchValue()).isEqualTo(86L);
    }

    @Test
    void cteInUpdateAndDelete(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        Cte ann = Cte.of("ann", db.select(USERS.id).from(USERS).where(eq(USERS.username, "ann")));
        int renamed = db.with(ann).update(TASKS).set(TASKS.name, "Ann's")
                .where(inArray(TASKS.userId, db.select(ann.field(USERS.id)).from(ann))).execute();
        assertThat(renamed).isEqualTo(2);
        assertThat(db.select(TASKS.id).from(TASKS).where(eq(TASKS.name, "Ann's")).orderBy(TASKS.id).fetchValues())
                .containsExactly(1, 3);

        db.delete(Jira.TASKS_TAGS).execute();
        Cte bob = Cte.of("bob", db.select(USERS.id).from(USERS).where(eq(USERS.username, "bob")));
        List<Integer> deleted = db.with(bob).delete(TASKS)
                .where(inArray(TASKS.userId, db.select(bob.field(USERS.id)).from(bob))).returning(TASKS.id).fetchValues();
        assertThat(deleted).containsExactlyInAnyOrder(2, 4);
        assertThat(db.select(count()).from(TASKS).fetchValue()).isEqualTo(3L);
    }

    @Test
    void dataModifyingCteMovesRows(TestDatabase pg) {
        Database db = folders(pg);
        // with moved as (delete from folders where ... returning id, name) insert into archive select from moved
        Cte moved = Cte.of("moved", db.delete(FOLDERS).where(inArray(FOLDERS.name, List.of("tmp", "api")))
                .returning(FOLDERS.id, FOLDERS.name));
        List<Integer> archived = db.with(moved).insert(ARCHIVE)
                .select(db.select(moved.field(FOLDERS.id), moved.field(FOLDERS.name)).from(moved), ARCHIVE.id, ARCHIVE.name)
                .returning(ARCHIVE.id).fetchValues();
        assertThat(archived).containsExactlyInAnyOrder(6, 8);
        assertThat(db.select(ARCHIVE.name).from(ARCHIVE).orderBy(ARCHIVE.id).fetchValues()).containsExactly("api", "tmp");
        assertThat(db.select(count()).from(FOLDERS).where(inArray(FOLDERS.name, List.of("tmp", "api"))).fetchValue())
                .isEqualTo(0L);
    }

    @Test
    void insertSelectWithoutCte(TestDatabase pg) {
        Database db = folders(pg);
        int inserted = db.insert(ARCHIVE).select(db.select(FOLDERS.id, upper(FOLDERS.name)).from(FOLDERS)
                .where(isNull(FOLDERS.parentId)), ARCHIVE.id, ARCHIVE.name).execute();
        assertThat(inserted).isEqualTo(2);
        assertThat(db.select(ARCHIVE.name).from(ARCHIVE).orderBy(ARCHIVE.id).fetchValues()).containsExactly("ROOT", "OTHER");
    }

    @Test
    void setOperations(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        Select<String> userNames = db.select(USERS.username).from(USERS);
        // Lower case with different first letters: the same order in every collation (in C, 'W' sorts before 'a';
        // in en-US after 'c').
        List<String> union = db.select(USERS.username).from(USERS)
                .union(db.select(lower(TASKS.name)).from(TASKS).where(eq(TASKS.userId, 1)))
                .orderBy(desc(USERS.username)).fetchValues();
        assertThat(union).containsExactly("write docs", "plan party", "cy", "bob", "ann");

        List<Integer> all = db.select(TASKS.userId).from(TASKS).where(isNotNull(TASKS.userId))
                .unionAll(db.select(USERS.id).from(USERS)).orderBy(TASKS.userId).fetchValues();
        assertThat(all).containsExactly(1, 1, 1, 2, 2, 2, 3);

        List<Integer> both = db.select(USERS.id).from(USERS).intersect(db.select(TASKS.userId).from(TASKS))
                .orderBy(USERS.id).fetchValues();
        assertThat(both).containsExactly(1, 2);

        List<Integer> idle = db.select(USERS.id).from(USERS).except(db.select(TASKS.userId).from(TASKS)
                .where(isNotNull(TASKS.userId))).fetchValues();
        assertThat(idle).containsExactly(3);

        // Each operand keeps its own order/limit; the whole has its own; nesting is as built.
        List<Integer> nested = db.select(TASKS.id).from(TASKS).orderBy(desc(TASKS.id)).limit(2)
                .unionAll(db.select(USERS.id).from(USERS).orderBy(USERS.id).limit(1))
                .intersect(db.select(TASKS.id).from(TASKS).where(gt(TASKS.id, 1)))
                .orderBy(TASKS.id).limit(5).fetchValues();
        assertThat(nested).containsExactly(4, 5);
        assertThat(userNames.union(db.select(USERS.name).from(USERS)).limit(1).offset(0).fetchValues()).hasSize(1);
    }

    @Test
    void setOperationInCte(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        Expression<Integer> id = USERS.id.as("person");
        Cte people = Cte.of("people", db.select(id).from(USERS).where(eq(USERS.id, 1))
                .union(db.select(TASKS.userId.as("person")).from(TASKS).where(eq(TASKS.id, 2))));
        assertThat(db.with(people).select(people.field(id)).from(people).orderBy(people.field(id)).fetchValues())
                .containsExactly(1, 2);
    }
}
