package dev.sleet.kit.rename;

import dev.sleet.kit.Output;
import dev.sleet.kit.SleetException;
import dev.sleet.kit.diff.Renames;
import dev.sleet.kit.postgres.PostgresDialect;
import dev.sleet.kit.snapshot.CodeSnapshots;
import dev.sleet.kit.snapshot.EnumSnapshot;
import dev.sleet.kit.snapshot.SequenceSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;
import dev.sleet.schema.Column;
import dev.sleet.schema.EnumType;
import dev.sleet.schema.Sequence;
import dev.sleet.schema.SequenceOptions;
import dev.sleet.schema.Table;
import dev.sleet.schema.View;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.sleet.kit.rename.RenamePlannerTest.Scripted;
import static dev.sleet.kit.rename.RenamePlannerTest.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Enum types, sequences and views as rename candidates, and how options and code answer for them; no database needed. */
class RenameObjectsTest {

    /** A snapshot of these tables, enum types, sequences and views (all in public). */
    static Snapshot snapshot(Object... objects) {
        TreeMap<String, TableSnapshot> tables = new TreeMap<>();
        TreeMap<String, EnumSnapshot> enums = new TreeMap<>();
        TreeMap<String, SequenceSnapshot> sequences = new TreeMap<>();
        TreeMap<String, ViewSnapshot> views = new TreeMap<>();
        for (Object object : objects) {
            if (object instanceof TableSnapshot t) {
                tables.put(t.key(), t);
            } else if (object instanceof EnumSnapshot e) {
                enums.put(e.key(), e);
            } else if (object instanceof SequenceSnapshot s) {
                sequences.put(s.key(), s);
            } else {
                ViewSnapshot v = (ViewSnapshot) object;
                views.put(v.key(), v);
            }
        }
        return new Snapshot(1, "postgresql", Snapshot.NO_PARENT, "", new TreeSet<>(), tables, enums, sequences, views, null);
    }

    static EnumSnapshot enumType(String name, String... labels) {
        return new EnumSnapshot("public", name, List.of(labels));
    }

    static SequenceSnapshot sequence(String name, long increment) {
        return SequenceSnapshot.of("public", name, "bigint", SequenceOptions.defaults().incrementBy(increment));
    }

    static ViewSnapshot view(String name, String definition, boolean materialized) {
        return new ViewSnapshot("public", name, definition, materialized, null, false, null);
    }

    private static RenamePlanner.Plan decide(Snapshot from, Snapshot to, List<String> renames, List<String> creates) {
        return RenameDecisions.decide(from, to, new RenameInput(renames, creates, null), DeclaredRenames.NONE, Output.SILENT,
                "nothing was written");
    }

    // ---- detection ---------------------------------------------------------------------------

    @Test
    void enumTypesSequencesAndViewsAreAskedAboutMostAlikeFirstAfterTablesAndColumns() {
        Snapshot from = snapshot(table("public", "t", "a"), enumType("colour", "red"), enumType("mood", "up", "down"),
                sequence("other", 5), sequence("s", 1),
                view("m", "SELECT 1 AS one", true), view("v", "SELECT t.a FROM t", false));
        Snapshot to = snapshot(table("public", "t", "b"), enumType("feeling", "up", "down", "meh"),
                sequence("numbers", 1), view("w", "SELECT t.a FROM t", false));
        Scripted resolver = new Scripted(RenameAnswer.CREATE, RenameAnswer.renamedFrom("public.mood"),
                RenameAnswer.renamedFrom("public.s"), RenameAnswer.renamedFrom("public.v"));

        RenamePlanner.Plan plan = RenamePlanner.plan(from, to, resolver);

        assertThat(resolver.asked).extracting(q -> q.kind().name() + " " + q.created() + " " + q.candidates()).containsExactly(
                "column public.t.b [public.t.a]",
                "enum public.feeling [public.mood, public.colour]",
                "sequence public.numbers [public.s, public.other]",
                "view public.w [public.v, public.m]");
        assertThat(plan.renames()).isEqualTo(Renames.NONE.withEnum("public.mood", "public.feeling")
                .withSequence("public.s", "public.numbers").withView("public.v", "public.w"));
    }

    @Test
    void objectsAreOnlyCandidatesWithinTheirSchemaFollowingARenamedSchema() {
        Snapshot from = snapshot(new EnumSnapshot("audit", "mood", List.of("up")), enumType("colour", "red"));
        Snapshot to = snapshot(new EnumSnapshot("billing", "feeling", List.of("up")), enumType("hue", "red"));
        from = from.withSchemas(new TreeSet<>(List.of("audit")));
        to = to.withSchemas(new TreeSet<>(List.of("billing")));

        RenamePlanner.Plan plan = decide(from, to, List.of("audit=billing", "billing.mood=billing.feeling", "public.colour=public.hue"),
                List.of());

        assertThat(plan.renames()).isEqualTo(Renames.NONE.withSchema("audit", "billing")
                .withEnum("billing.mood", "billing.feeling").withEnum("public.colour", "public.hue"));
    }

    // ---- options -----------------------------------------------------------------------------

    @Test
    void aBareRenameAnswersTheKindThatHasBothNamesAndAPrefixNamesTheKind() {
        Snapshot from = snapshot(table("public", "users", "id"), enumType("mood", "up"), sequence("s", 1), view("v", "SELECT 1", false));
        Snapshot to = snapshot(table("public", "accounts", "id"), enumType("feeling", "up"), sequence("numbers", 1),
                view("w", "SELECT 1", false));

        RenamePlanner.Plan plan = decide(from, to, List.of("public.mood=public.feeling", "public.users=public.accounts",
                "sequence:public.s=public.numbers", "public.v=public.w"), List.of());

        assertThat(plan.renames()).isEqualTo(Renames.NONE.withTable("public.users", "public.accounts")
                .withEnum("public.mood", "public.feeling").withSequence("public.s", "public.numbers").withView("public.v", "public.w"));
        assertThatThrownBy(() -> decide(from, to, List.of("enum:public.users=public.accounts"), List.of()))
                .hasMessageContaining("--rename enum:public.users=public.accounts: public.accounts is not a new enum, "
                        + "and public.users is not one that disappeared");
        assertThatThrownBy(() -> decide(from, to, List.of("public.mood=public.numbers"), List.of()))
                .hasMessageContaining("--rename public.mood=public.numbers: public.mood is not a sequence that disappeared")
                .hasMessageContaining("public.numbers can be renamed from: public.s");
        assertThatThrownBy(() -> decide(from, to, List.of("public.mood=public.hue"), List.of()))
                .hasMessageContaining("--rename public.mood=public.hue: public.hue is not a new enum; public.mood could be renamed to: public.feeling");
    }

    @Test
    void aBareRenameThatFitsTwoKindsIsAmbiguousAndOpenQuestionsThenCarryTheirKind() {
        Snapshot from = snapshot(table("public", "x", "id"), enumType("x", "up"));
        Snapshot to = snapshot(table("public", "y", "id"), enumType("y", "up"));

        assertThatThrownBy(() -> decide(from, to, List.of("public.x=public.y"), List.of()))
                .isInstanceOf(SleetException.class)
                .hasMessageContaining("--rename public.x=public.y is ambiguous: a table and an enum public.x disappeared and "
                        + "public.y appeared; say which with --rename table:public.x=public.y or --rename enum:public.x=public.y")
                .hasMessageContaining("renamed: --rename enum:public.x=public.y")
                .hasMessageContaining("new:     --create enum:public.y");
        assertThatThrownBy(() -> decide(from, to, List.of(), List.of("public.y")))
                .hasMessageContaining("--create public.y is ambiguous: a table and an enum public.y appeared; "
                        + "say which with --create table:public.y or --create enum:public.y");
        assertThatThrownBy(() -> decide(from, to, List.of(), List.of()))
                .hasMessageContaining("renamed: --rename table:public.x=public.y")
                .hasMessageContaining("renamed: --rename enum:public.x=public.y");

        RenamePlanner.Plan plan = decide(from, to, List.of("table:public.x=public.y"), List.of("enum:public.y"));
        assertThat(plan.renames()).isEqualTo(Renames.NONE.withTable("public.x", "public.y"));
    }

    @Test
    void everyOpenQuestionIsListedWithTheRenameThatAnswersIt() {
        Snapshot from = snapshot(enumType("mood", "up"), sequence("s", 1), view("m", "SELECT 1", true));
        Snapshot to = snapshot(enumType("feeling", "up"), sequence("numbers", 1), view("n", "SELECT 1", true));

        assertThatThrownBy(() -> decide(from, to, List.of(), List.of()))
                .hasMessageContaining("3 questions are open")
                .hasMessageContaining("enum public.feeling is new, and enum public.mood disappeared.\n"
                        + "       renamed: --rename public.mood=public.feeling\n"
                        + "       new:     --create public.feeling")
                .hasMessageContaining("sequence public.numbers is new, and sequence public.s disappeared.\n"
                        + "       renamed: --rename public.s=public.numbers")
                .hasMessageContaining("view public.n is new, and view public.m disappeared.\n"
                        + "       renamed: --rename public.m=public.n")
                .hasMessageContaining("an enum type, a sequence or a view")
                .hasMessageNotContaining("Renaming a schema or table");
    }

    @Test
    void malformedOptionsNameTheShapesOfEveryKind() {
        assertThatThrownBy(() -> ExplicitRenames.parse(List.of("a.b.c.d=a.b.c.e"), List.of()))
                .hasMessageContaining("schema.table.column (a column), schema.name (a table, enum, sequence or view) or schema");
        assertThatThrownBy(() -> ExplicitRenames.parse(List.of("view:public.v"), List.of())).hasMessageContaining("expected FROM=TO");
        assertThatThrownBy(() -> ExplicitRenames.parse(List.of(), List.of("sequence:s"))).hasMessageContaining("schema.name");
    }

    // ---- declarations in code ----------------------------------------------------------------

    static final EnumType<String> FEELING = EnumType.of("feeling", "up", "down").renamedFrom("mood");

    static final class Moods extends Table<Moods> {
        public final Column<String> feeling = column("feeling", FEELING);

        Moods() {
            super("moods");
        }
    }

    @Test
    void enumTypesSequencesAndViewsDeclareTheirRenamesInCode() {
        Sequence numbers = Sequence.of("numbers").renamedFrom("s").inSchema("public");
        View recent = View.materialized("recent", "SELECT 1").renamedFrom("latest").withNoData();
        assertThat(FEELING.inSchema("public").previousName()).contains("mood");
        assertThat(numbers.previousName()).contains("s");
        assertThat(recent.previousName()).contains("latest");
        assertThat(View.of("v", "SELECT 1").previousName()).isEmpty();
        Moods moods = new Moods();
        Snapshot from = snapshot(table("public", "moods", "feeling"), enumType("mood", "up", "down"), sequence("s", 1),
                view("latest", "SELECT 1", true));
        // the enum type is declared by its column only; the others as objects
        Snapshot to = CodeSnapshots.of(List.of(moods), List.of(numbers, recent), PostgresDialect.INSTANCE);

        RenamePlanner.Plan plan = RenameDecisions.decide(from, to, RenameInput.NONE,
                DeclaredRenames.of(List.of(moods), List.of(numbers, recent)), Output.SILENT, "x");

        assertThat(plan.renames()).isEqualTo(Renames.NONE.withEnum("public.mood", "public.feeling")
                .withSequence("public.s", "public.numbers").withView("public.latest", "public.recent"));
    }

    @Test
    void aDeclarationNamingNoCandidateOfItsKindIsReported() {
        Sequence numbers = Sequence.of("numbers").renamedFrom("mood");
        Snapshot from = snapshot(enumType("mood", "up"), sequence("s", 1));
        Snapshot to = CodeSnapshots.of(List.of(), List.of(numbers, EnumType.of("mood", "up")), PostgresDialect.INSTANCE);

        assertThatThrownBy(() -> RenameDecisions.decide(from, to, RenameInput.NONE, DeclaredRenames.of(List.of(), List.of(numbers)),
                Output.SILENT, "nothing was written"))
                .hasMessageContaining("declares sequence public.numbers renamedFrom(\"mood\"), but public.mood is not a sequence "
                        + "that disappeared")
                .hasMessageContaining("--rename public.s=public.numbers");
    }

    @Test
    void theKindsNameThemselvesWithTheirArticle() {
        assertThat(RenameKinds.ENUM.withArticle()).isEqualTo("an enum");
        assertThat(RenameKinds.VIEW.withArticle()).isEqualTo("a view");
        assertThat(RenameKinds.byName("sequence")).isSameAs(RenameKinds.SEQUENCE);
        assertThat(RenameKinds.ALL).containsExactly(RenameKinds.SCHEMA, RenameKinds.TABLE, RenameKinds.COLUMN, RenameKinds.ENUM, RenameKinds.SEQUENCE,
                        RenameKinds.VIEW);
    }
}
