package dev.sleet.kit.config;

import dev.sleet.kit.snapshot.CollationSnapshot;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.CommentSnapshot;
import dev.sleet.kit.snapshot.DomainSnapshot;
import dev.sleet.kit.snapshot.ExtensionSnapshot;
import dev.sleet.kit.snapshot.TextSearchSnapshot;
import dev.sleet.kit.snapshot.ForeignKeySnapshot;
import dev.sleet.kit.snapshot.RoutineSnapshot;
import dev.sleet.kit.snapshot.RuleSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;
import dev.sleet.schema.Comment;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class TablesFilterTest {

    @Test
    void globsIncludeAndBangExcludesByNameOrBySchemaQualifiedName() {
        TablesFilter filter = new TablesFilter(List.of("user*", "audit.*", "!*_tmp", "!audit.secret?"));

        assertThat(filter.matches("public", "users")).isTrue();
        assertThat(filter.matches("other", "user_roles")).isTrue();
        assertThat(filter.matches("public", "users_tmp")).isFalse();
        assertThat(filter.matches("public", "posts")).isFalse();
        assertThat(filter.matches("audit", "log")).isTrue();
        assertThat(filter.matches("audit", "secret1")).isFalse();
        assertThat(filter.matches("audit", "secret12")).isTrue();
        assertThat(new TablesFilter(List.of("!tmp_*")).matches("public", "anything")).isTrue();
        assertThat(new TablesFilter(List.of("!tmp_*")).matches("public", "tmp_x")).isFalse();
        assertThat(TablesFilter.ALL.matches("x", "y")).isTrue();
    }

    @Test
    void leftOutTablesAreCarriedOverUnchangedAndKeysToThemDropped() {
        TableSnapshot users = table("users", null);
        TableSnapshot posts = table("posts", "users");
        TableSnapshot tmp = table("tmp_import", null);
        Snapshot live = snapshot(users, posts, tmp);
        TablesFilter filter = new TablesFilter(List.of("posts*", "tmp_*"));
        List<String> warnings = new ArrayList<>();

        Snapshot managed = filter.apply(live, warnings);

        assertThat(managed.tables()).containsOnlyKeys("public.posts", "public.tmp_import");
        assertThat(managed.tables().get("public.posts").foreignKeys()).isEmpty();
        assertThat(warnings).singleElement().asString().contains("posts_user_fk", "public.users", "tablesFilter");
        assertThat(managed.views()).containsOnlyKeys("public.posts_view");

        Snapshot previous = snapshot(users, table("old_posts", null));
        Snapshot kept = filter.keep(managed, previous);
        assertThat(kept.tables()).containsOnlyKeys("public.posts", "public.tmp_import", "public.users", "public.old_posts");
        assertThat(kept.tables().get("public.users")).isEqualTo(users);
    }

    @Test
    void keepingLeftOutTablesKeepsTheRoutinesAndEveryOtherPartOfTheManagedSnapshot() {
        TablesFilter filter = new TablesFilter(List.of("posts*"));
        RoutineSnapshot routine = RoutineSnapshot.of("""
                CREATE OR REPLACE FUNCTION public.one()
                 RETURNS integer
                 LANGUAGE sql
                AS $function$select 1$function$
                """, null);
        Snapshot managed = filter.apply(snapshot(table("posts", null)), new ArrayList<>())
                .withRoutines(new TreeMap<>(Map.of(routine.key(), routine)));

        Snapshot kept = filter.keep(managed, snapshot(table("users", null)));

        assertThat(kept.routines()).containsOnlyKeys("public.one()");
        assertThat(kept.tables()).containsOnlyKeys("public.posts", "public.users");
    }

    @Test
    void keptSnapshotKeepsExtensionsCollationsDomainsAndTextSearch() {
        Snapshot managed = snapshot(table("posts", null))
                .withExtensions(new TreeMap<>(Map.of("citext", new ExtensionSnapshot("citext", "public"))))
                .withCollations(new TreeMap<>(Map.of("public.ci", new CollationSnapshot("public", "ci", "icu", "und", "und", false))))
                .withDomains(new TreeMap<>(Map.of("public.positive", new DomainSnapshot("public", "positive", "integer", null, false,
                        null, null, null, null))))
                .withTextSearch(new TreeMap<>(Map.of("dictionary public.d", TextSearchSnapshot.dictionary("public", "d", "simple", null))));

        Snapshot kept = new TablesFilter(List.of("posts*")).keep(managed, snapshot(table("users", null)));

        assertThat(kept.tables()).containsOnlyKeys("public.posts", "public.users");
        assertThat(kept.extensions()).isEqualTo(managed.extensions());
        assertThat(kept.collations()).isEqualTo(managed.collations());
        assertThat(kept.domains()).isEqualTo(managed.domains());
        assertThat(kept.textSearch()).isEqualTo(managed.textSearch());
    }

    @Test
    void commentsOnWhatIsLeftOutGoWithItAndComeBackWhenKept() {
        CommentSnapshot onUsers = new CommentSnapshot(Comment.Kind.CONSTRAINT, "public", "users", "users_user_fk", "users'");
        CommentSnapshot onPosts = new CommentSnapshot(Comment.Kind.CONSTRAINT, "public", "posts", "posts_user_fk", "posts'");
        TreeMap<String, CommentSnapshot> comments = new TreeMap<>(Map.of(onUsers.key(), onUsers, onPosts.key(), onPosts));
        Snapshot live = snapshot(table("users", "users"), table("posts", "posts")).withComments(comments);
        TablesFilter filter = new TablesFilter(List.of("posts"));

        Snapshot managed = filter.apply(live, new ArrayList<>());

        assertThat(managed.comments()).containsOnlyKeys(onPosts.key());
        assertThat(filter.keep(managed, live).comments()).isEqualTo(comments);
    }

    @Test
    void rulesGoAndStayWithTheirTablesAndViews() {
        RuleSnapshot onPosts = new RuleSnapshot("public", "posts", "quiet", "CREATE RULE quiet AS ON DELETE TO public.posts DO INSTEAD NOTHING;", null, null);
        RuleSnapshot onUsers = new RuleSnapshot("public", "users", "kept", "CREATE RULE kept AS ON DELETE TO public.users DO INSTEAD NOTHING;", null, null);
        RuleSnapshot onView = new RuleSnapshot("public", "other_view", "v", "CREATE RULE v AS ON INSERT TO public.other_view DO INSTEAD NOTHING;", null, null);
        TreeMap<String, RuleSnapshot> rules = new TreeMap<>(Map.of(onPosts.key(), onPosts, onUsers.key(), onUsers, onView.key(), onView));
        Snapshot live = snapshot(table("users", null), table("posts", null)).withRules(rules);
        TablesFilter filter = new TablesFilter(List.of("posts*"));

        Snapshot managed = filter.apply(live, new ArrayList<>());
        assertThat(managed.rules()).containsOnlyKeys("public.posts.quiet");

        Snapshot kept = filter.keep(managed, live);
        assertThat(kept.rules()).containsOnlyKeys("public.posts.quiet", "public.users.kept", "public.other_view.v");
    }

    private static TableSnapshot table(String name, String references) {
        TreeMap<String, ForeignKeySnapshot> fks = new TreeMap<>();
        if (references != null) {
            fks.put(name + "_user_fk", new ForeignKeySnapshot(name + "_user_fk", List.of("id"), "public", references, List.of("id"),
                    "no action", "no action"));
        }
        return new TableSnapshot("public", name, Map.of("id", new ColumnSnapshot("id", "integer", false, false, null)), null,
                new TreeMap<>(), fks, new TreeMap<>());
    }

    private static Snapshot snapshot(TableSnapshot... tables) {
        TreeMap<String, TableSnapshot> map = new TreeMap<>();
        for (TableSnapshot table : tables) {
            map.put(table.key(), table);
        }
        TreeMap<String, ViewSnapshot> views = new TreeMap<>();
        views.put("public.posts_view", new ViewSnapshot("public", "posts_view", "SELECT 1", false, null, false, null));
        views.put("public.other_view", new ViewSnapshot("public", "other_view", "SELECT 1", false, null, false, null));
        return new Snapshot(1, "postgresql", Snapshot.NO_PARENT, "", new TreeSet<>(), map, null, null, views, null);
    }
}
