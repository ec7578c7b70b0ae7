package dev.sleet.kit.rename;

import dev.sleet.kit.SleetException;
import dev.sleet.kit.diff.Renames;
import dev.sleet.kit.postgres.PostgresDialect;
import dev.sleet.kit.snapshot.CodeSnapshots;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.KeySnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.schema.Column;
import dev.sleet.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Candidate detection and the resolvers, on snapshots; no database needed. */
class RenamePlannerTest {

    // ---- snapshot builders ----------------------------------------------------------------

    static TableSnapshot table(String schema, String name, String... columns) {
        Map<String, ColumnSnapshot> cols = new LinkedHashMap<>();
        for (String column : columns) {
            String[] parts = column.split(":");
            cols.put(parts[0], new ColumnSnapshot(parts[0], parts.length > 1 ? parts[1] : "text", false, false, null));
        }
        return new TableSnapshot(schema, name, cols, null, null, null, null);
    }

    static Snapshot snapshot(TableSnapshot... tables) {
        TreeMap<String, TableSnapshot> map = new TreeMap<>();
        TreeSet<String> schemas = new TreeSet<>();
        for (TableSnapshot t : tables) {
            map.put(t.key(), t);
            if (!t.schema().equals("public")) {
                schemas.add(t.schema());
            }
        }
        return new Snapshot(1, "postgresql", Snapshot.NO_PARENT, "", schemas, map);
    }

    /** Answers from a script and records every question asked. */
    static final class Scripted implements RenameResolver {
        final Deque<RenameAnswer> answers = new ArrayDeque<>();
        final List<RenameQuestion> asked = new ArrayList<>();

        Scripted(RenameAnswer... answers) {
            this.answers.addAll(List.of(answers));
        }

        @Override
        public RenameAnswer resolve(RenameQuestion question) {
            asked.add(question);
            return answers.isEmpty() ? RenameAnswer.UNANSWERED : answers.poll();
        }
    }

    // ---- detection ---------------------------------------------------------------------------

    @Test
    void noQuestionWhenOnlyAdditionsOrOnlyDrops() {
        Scripted resolver = new Scripted();
        RenamePlanner.plan(snapshot(table("public", "a", "x")), snapshot(table("public", "a", "x", "y"), table("public", "b", "z")), resolver);
        RenamePlanner.plan(snapshot(table("public", "a", "x", "y"), table("public", "b")), snapshot(table("public", "a", "x")), resolver);
        assertThat(resolver.asked).isEmpty();
    }

    @Test
    void aRenamedTableIsAskedAboutThenItsColumnsAreComparedWithTheOldTable() {
        Snapshot from = snapshot(table("public", "users", "id:integer", "name:varchar(50)"), table("public", "logs", "line"));
        Snapshot to = snapshot(table("public", "accounts", "id:integer", "full_name:varchar(80)"));
        Scripted resolver = new Scripted(RenameAnswer.renamedFrom("public.users"), RenameAnswer.renamedFrom("public.accounts.name"));

        RenamePlanner.Plan plan = RenamePlanner.plan(from, to, resolver);

        assertThat(resolver.asked).hasSize(2);
        RenameQuestion tableQuestion = resolver.asked.get(0);
        assertThat(tableQuestion.kind()).isEqualTo(RenameKinds.TABLE);
        assertThat(tableQuestion.created()).isEqualTo("public.accounts");
        // users shares the id column with accounts, so it is offered first
        assertThat(tableQuestion.candidates()).containsExactly("public.users", "public.logs");
        RenameQuestion columnQuestion = resolver.asked.get(1);
        assertThat(columnQuestion.kind()).isEqualTo(RenameKinds.COLUMN);
        assertThat(columnQuestion.created()).isEqualTo("public.accounts.full_name");
        assertThat(columnQuestion.candidates()).containsExactly("public.accounts.name");
        assertThat(plan.renames()).isEqualTo(new Renames(Map.of("public.users", "public.accounts"),
                Map.of("public.accounts.name", "public.accounts.full_name")));
        assertThat(plan.open()).isEmpty();
    }

    @Test
    void aClaimedCandidateIsNotOfferedAgainAndCreateLeavesItOpen() {
        Snapshot from = snapshot(table("public", "t", "a:integer", "b:integer"));
        Snapshot to = snapshot(table("public", "t", "c:integer", "d:text", "e:integer"));
        Scripted resolver = new Scripted(RenameAnswer.renamedFrom("public.t.b"), RenameAnswer.CREATE, RenameAnswer.renamedFrom("public.t.a"));

        RenamePlanner.Plan plan = RenamePlanner.plan(from, to, resolver);

        assertThat(resolver.asked).extracting(RenameQuestion::created).containsExactly("public.t.c", "public.t.d", "public.t.e");
        assertThat(resolver.asked.get(0).candidates()).containsExactly("public.t.a", "public.t.b");
        assertThat(resolver.asked.get(1).candidates()).containsExactly("public.t.a");
        assertThat(resolver.asked.get(2).candidates()).containsExactly("public.t.a");
        assertThat(plan.renames().columns()).containsOnly(Map.entry("public.t.b", "public.t.c"), Map.entry("public.t.a", "public.t.e"));
    }

    @Test
    void tablesAreOnlyCandidatesWithinTheirSchemaAndSchemasAreRenamedFirst() {
        Snapshot from = snapshot(table("finance", "invoices", "id"), table("public", "old", "x"));
        Snapshot to = snapshot(table("billing", "bills", "id"), table("public", "new", "x"));
        Scripted resolver = new Scripted(RenameAnswer.renamedFrom("finance"), RenameAnswer.renamedFrom("billing.invoices"),
                RenameAnswer.CREATE);

        RenamePlanner.Plan plan = RenamePlanner.plan(from, to, resolver);

        assertThat(resolver.asked).extracting(q -> q.kind().name() + " " + q.created() + " " + q.candidates())
                .containsExactly("schema billing [finance]", "table billing.bills [billing.invoices]", "table public.new [public.old]");
        assertThat(plan.renames().schemas()).containsExactly(Map.entry("finance", "billing"));
        assertThat(plan.renames().tables()).containsExactly(Map.entry("billing.invoices", "billing.bills"));
    }

    @Test
    void unansweredQuestionsAreCollectedNotGuessed() {
        Snapshot from = snapshot(table("public", "users", "id"), table("public", "t", "a"));
        Snapshot to = snapshot(table("public", "accounts", "id"), table("public", "t", "b"));

        RenamePlanner.Plan plan = RenamePlanner.plan(from, to, RenameResolver.NONE);

        assertThat(plan.renames().isEmpty()).isTrue();
        assertThat(plan.open()).extracting(RenameQuestion::created).containsExactly("public.accounts", "public.t.b");
    }

    // ---- explicit answers --------------------------------------------------------------------

    @Test
    void explicitRenamesAnswerAndEveryOpenQuestionIsListedWithItsOptions() {
        Snapshot from = snapshot(table("public", "users", "id", "name"), table("public", "posts", "body", "content"));
        Snapshot to = snapshot(table("public", "accounts", "id", "full_name"), table("public", "posts", "text"));
        RenameInput input = new RenameInput(List.of("public.users=public.accounts"), List.of(), null);

        assertThatThrownBy(() -> RenameDecisions.decide(from, to, input, DeclaredRenames.NONE, dev.sleet.kit.Output.SILENT, "nothing was written"))
                .isInstanceOf(SleetException.class)
                .hasMessageContaining("nothing was written")
                .hasMessageContaining("2 questions are open")
                .hasMessageContaining("column public.accounts.full_name is new, and column public.accounts.name disappeared")
                .hasMessageContaining("--rename public.accounts.name=public.accounts.full_name")
                .hasMessageContaining("--create public.accounts.full_name")
                .hasMessageContaining("column public.posts.text is new, and columns public.posts.body, public.posts.content disappeared")
                .hasMessageContaining("--rename public.posts.body=public.posts.text")
                .hasMessageContaining("--rename public.posts.content=public.posts.text")
                .hasMessageContaining("--create public.posts.text");

        RenameInput all = new RenameInput(List.of("public.users=public.accounts", "public.accounts.name=public.accounts.full_name"),
                List.of("public.posts.text"), null);
        RenamePlanner.Plan plan = RenameDecisions.decide(from, to, all, DeclaredRenames.NONE, dev.sleet.kit.Output.SILENT, "x");
        assertThat(plan.renames()).isEqualTo(new Renames(Map.of("public.users", "public.accounts"),
                Map.of("public.accounts.name", "public.accounts.full_name")));
    }

    @Test
    void anExplicitRenameThatIsNotACandidateIsAnError() {
        Snapshot from = snapshot(table("public", "users", "id"));
        Snapshot to = snapshot(table("public", "accounts", "id"));
        assertThatThrownBy(() -> decide(from, to, List.of("public.user=public.accounts"), List.of()))
                .hasMessageContaining("--rename public.user=public.accounts: public.user is not a table that disappeared")
                .hasMessageContaining("public.accounts can be renamed from: public.users");
        assertThatThrownBy(() -> decide(from, from, List.of("public.users=public.people"), List.of()))
                .hasMessageContaining("public.people is not a new table, enum, sequence or view, and public.users is not one that disappeared");
        assertThatThrownBy(() -> decide(from, to, List.of("public.users=public.accounts"), List.of("public.people")))
                .hasMessageContaining("--create public.people: public.people is not a new table");
    }

    @Test
    void malformedOptionsAreRejectedWithAnExample() {
        assertThatThrownBy(() -> ExplicitRenames.parse(List.of("users"), List.of())).hasMessageContaining("expected FROM=TO");
        assertThatThrownBy(() -> ExplicitRenames.parse(List.of("public.users=audit.users"), List.of()))
                .hasMessageContaining("stays within its schema");
        assertThatThrownBy(() -> ExplicitRenames.parse(List.of("public.users=public.users.x"), List.of()))
                .hasMessageContaining("same kind");
        assertThatThrownBy(() -> ExplicitRenames.parse(List.of("widget:a=b"), List.of())).hasMessageContaining("unknown kind");
        assertThatThrownBy(() -> ExplicitRenames.parse(List.of("enum:public.a.b=public.a.c"), List.of())).hasMessageContaining("schema.name");
        assertThatThrownBy(() -> ExplicitRenames.parse(List.of("table:users=accounts"), List.of())).hasMessageContaining("schema.name");
        assertThat(ExplicitRenames.parse(List.of("table:public.users=public.accounts"), List.of("column:public.a.b")).isEmpty()).isFalse();
    }

    @Test
    void aKindPrefixRestrictsWhichQuestionAnEntryAnswers() {
        Snapshot from = snapshot(table("public", "users", "id"));
        Snapshot to = snapshot(table("public", "accounts", "id"));
        assertThat(decide(from, to, List.of("table:public.users=public.accounts"), List.of()).renames().tables())
                .containsExactly(Map.entry("public.users", "public.accounts"));
    }

    private static RenamePlanner.Plan decide(Snapshot from, Snapshot to, List<String> renames, List<String> creates) {
        return RenameDecisions.decide(from, to, new RenameInput(renames, creates, null), DeclaredRenames.NONE,
                dev.sleet.kit.Output.SILENT, "nothing was written");
    }

    // ---- declarations in code ----------------------------------------------------------------

    static final class Accounts extends Table<Accounts> {
        public final Column<Integer> id = integer("id");
        public final Column<String> fullName = text("full_name").notNull().renamedFrom("name");

        Accounts() {
            super("accounts");
            renamedFrom("users");
        }
    }

    static final class Typo extends Table<Typo> {
        public final Column<String> fullName = text("full_name").renamedFrom("nmae");

        Typo() {
            super("users");
        }
    }

    @Test
    void renamesDeclaredInCodeAnswerTheirQuestionsAndOthersStayOpen() {
        Snapshot from = snapshot(table("public", "users", "id:integer", "name"), table("public", "t", "a"));
        Accounts accounts = new Accounts();
        assertThat(accounts.previousTableName()).contains("users");
        assertThat(accounts.previousColumnNames()).containsExactly(Map.entry("full_name", "name"));
        Snapshot to = CodeSnapshots.of(List.of(accounts), PostgresDialect.INSTANCE);
        // a stale declaration (the rename was generated already) asks nothing and changes nothing
        Snapshot after = snapshot(table("public", "accounts", "id:integer", "full_name"));

        RenamePlanner.Plan plan = RenameDecisions.decide(from, to, RenameInput.NONE, DeclaredRenames.of(List.of(accounts)),
                dev.sleet.kit.Output.SILENT, "x");
        assertThat(plan.renames()).isEqualTo(new Renames(Map.of("public.users", "public.accounts"),
                Map.of("public.accounts.name", "public.accounts.full_name")));
        assertThat(RenamePlanner.plan(after, to, DeclaredRenames.of(List.of(accounts))).decisions()).isEmpty();
    }

    @Test
    void aDeclarationNamingNoCandidateIsReported() {
        Snapshot from = snapshot(table("public", "users", "name"));
        Typo typo = new Typo();
        Snapshot to = CodeSnapshots.of(List.of(typo), PostgresDialect.INSTANCE);
        assertThatThrownBy(() -> RenameDecisions.decide(from, to, RenameInput.NONE, DeclaredRenames.of(List.of(typo)),
                dev.sleet.kit.Output.SILENT, "nothing was written"))
                .hasMessageContaining("declares column public.users.full_name renamedFrom(\"nmae\"), but public.users.nmae is not a column that disappeared")
                .hasMessageContaining("--rename public.users.name=public.users.full_name");
    }

    @Test
    void explicitAnswersWinOverDeclarationsAndTheTerminalIsAskedLast() {
        Snapshot from = snapshot(table("public", "users", "id:integer", "name"), table("public", "t", "a"));
        Accounts accounts = new Accounts();
        Snapshot to = snapshot(table("public", "accounts", "id:integer", "full_name"), table("public", "t", "b"));
        Scripted terminal = new Scripted(RenameAnswer.CREATE);
        List<String> printed = new ArrayList<>();
        dev.sleet.kit.Output out = new dev.sleet.kit.Output() {
            public void info(String line) { printed.add(line); }
            public void warn(String line) { printed.add("warn " + line); }
        };

        RenamePlanner.Plan plan = RenameDecisions.decide(from, to,
                new RenameInput(List.of(), List.of("public.accounts.full_name"), terminal), DeclaredRenames.of(List.of(accounts)), out, "x");

        assertThat(terminal.asked).extracting(RenameQuestion::created).containsExactly("public.t.b");
        assertThat(plan.renames()).isEqualTo(new Renames(Map.of("public.users", "public.accounts"), Map.of()));
        assertThat(printed).containsExactly(
                "Renaming table public.users to public.accounts (declared in the schema code)",
                "Creating column public.accounts.full_name as a new column (command line)",
                "Creating column public.t.b as a new column (answered)");
    }

    @Test
    void keySnapshotsFollowARenamedColumn() {
        // sanity: the primary key of a renamed column is carried, so no key change is planned
        TableSnapshot before = new TableSnapshot("public", "t", Map.of("a", new ColumnSnapshot("a", "integer", false, true, null)),
                new KeySnapshot("t_pkey", List.of("a")), null, null, null);
        TableSnapshot after = new TableSnapshot("public", "t", Map.of("b", new ColumnSnapshot("b", "integer", false, true, null)),
                new KeySnapshot("t_pkey", List.of("b")), null, null, null);
        Renames renames = RenameDecisions.decide(snapshot(before), snapshot(after),
                new RenameInput(List.of("public.t.a=public.t.b"), List.of(), null), DeclaredRenames.NONE, dev.sleet.kit.Output.SILENT, "x").renames();
        assertThat(PostgresDialect.INSTANCE.sql(dev.sleet.kit.diff.Differ.diff(snapshot(before), snapshot(after), renames)))
                .containsExactly("ALTER TABLE \"t\" RENAME COLUMN \"a\" TO \"b\";");
    }
}
