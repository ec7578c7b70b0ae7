package dev.sleet.kit.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.sleet.kit.snapshot.CastSnapshot;
import dev.sleet.kit.snapshot.RoutineSnapshot;
import dev.sleet.kit.snapshot.RuleSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TriggerSnapshot;
import dev.sleet.schema.Cast;
import dev.sleet.schema.Enabled;
import dev.sleet.schema.Routine;
import dev.sleet.schema.Rule;
import dev.sleet.schema.Switchable;
import dev.sleet.schema.Trigger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Schema code for routines, triggers, rules and casts: a routine is its definition as a Java text
 * block (so a function body reads as it was written), followed by the tables, views and routines it
 * depends on; a rule is its relation, name and definition; a cast its types, method and context.
 */
final class RoutineCode {

    static final ClassName ROUTINE = ClassName.get(Routine.class);
    static final ClassName TRIGGER = ClassName.get(Trigger.class);
    static final ClassName RULE = ClassName.get(Rule.class);
    static final ClassName CAST = ClassName.get(Cast.class);

    private RoutineCode() {}

    /** {@code Routine.of("""...""").dependsOn(TASKS)}. */
    static CodeBlock initializer(RoutineSnapshot routine, Snapshot snapshot, SchemaNames names) {
        CodeBlock.Builder init = CodeBlock.builder().add("$T.of($L)", ROUTINE, textBlock(routine.definition()));
        List<CodeBlock> dependencies = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String key : routine.dependsOn()) {
            SchemaNames.TableNames table = names.table(key);
            String constant = table != null ? table.constant()
                    : names.viewConstant(key) != null ? names.viewConstant(key) : names.routineConstant(key);
            if (constant != null) {
                dependencies.add(CodeBlock.of("$L", constant));
            } else {
                unknown.add(key);
            }
        }
        if (!dependencies.isEmpty()) {
            init.add(".dependsOn($L)", CodeBlock.join(dependencies, ", "));
        }
        if (routine.comment() != null) {
            init.add(".comment($S)", routine.comment());
        }
        if (!unknown.isEmpty()) {
            init.add(".dependsOnKeys($T.of($L))", List.class,
                    CodeBlock.join(unknown.stream().map(k -> CodeBlock.of("$S", k)).toList(), ", "));
        }
        return init.build();
    }

    /** {@code trigger("name", "CREATE TRIGGER ...")}, with its enabled state. */
    static CodeBlock trigger(TriggerSnapshot trigger) {
        CodeBlock.Builder init = CodeBlock.builder().add("trigger($S, $S)", trigger.name(), trigger.definition());
        enabled(init, trigger.enabled());
        return init.build();
    }

    /** {@code Rule.of("schema", "table", "name", definition)} (a text block), with its comment and enabled state. */
    static CodeBlock rule(RuleSnapshot rule) {
        CodeBlock.Builder init = CodeBlock.builder().add("$T.of($S, $S, $S, $L)", RULE, rule.schema(), rule.table(), rule.name(),
                textBlock(rule.definition()));
        if (rule.comment() != null) {
            init.add(".comment($S)", rule.comment());
        }
        enabled(init, rule.enabled());
        return init.build();
    }

    /** The {@link Switchable} modifier for the catalog's letter {@code state}; none for the default. */
    private static void enabled(CodeBlock.Builder init, String state) {
        switch (Enabled.fromCode(state)) {
            case DISABLED -> init.add(".disabled()");
            case ALWAYS -> init.add(".enabledAlways()");
            case REPLICA -> init.add(".enabledReplica()");
            case ORIGIN -> { }
        }
    }

    /** {@code Cast.of("source", "target")}, with its function or INOUT, its context and its comment. */
    static CodeBlock cast(CastSnapshot cast) {
        CodeBlock.Builder init = CodeBlock.builder().add("$T.of($S, $S)", CAST, cast.source(), cast.target());
        switch (cast.method()) {
            case CastSnapshot.FUNCTION -> init.add(".withFunction($S, $S, $S)", cast.functionSchema(), cast.function(),
                    cast.functionArguments());
            case CastSnapshot.INOUT -> init.add(".withInout()");
            default -> { }
        }
        switch (cast.context()) {
            case "assignment" -> init.add(".asAssignment()");
            case "implicit" -> init.add(".asImplicit()");
            default -> { }
        }
        if (cast.comment() != null) {
            init.add(".comment($S)", cast.comment());
        }
        return init.build();
    }

    /** The routines, each after those it depends on (static fields initialise in order), else by key. */
    static List<RoutineSnapshot> dependenciesFirst(Map<String, RoutineSnapshot> routines) {
        List<RoutineSnapshot> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (ordered.size() < routines.size()) {
            boolean progress = false;
            for (RoutineSnapshot routine : routines.values()) {
                if (!placed.contains(routine.key()) && routine.dependsOn().stream()
                        .noneMatch(key -> routines.containsKey(key) && !placed.contains(key))) {
                    ordered.add(routine);
                    placed.add(routine.key());
                    progress = true;
                }
            }
            if (!progress) {
                routines.values().stream().filter(r -> !placed.contains(r.key())).forEach(r -> {
                    ordered.add(r);
                    placed.add(r.key());
                });
            }
        }
        return ordered;
    }

    /**
     * A Java text block whose value is exactly {@code text}: backslashes and runs of three quotes
     * escaped, a space or tab ending a line kept by an escape (the compiler strips trailing white
     * space), carriage returns and other control characters as octal escapes, and the closing
     * delimiter on the last line when the text does not end with a line break.
     */
    static String textBlock(String text) {
        StringBuilder out = new StringBuilder("\"\"\"\n");
        String[] lines = text.split("\n", -1);
        boolean endsWithBreak = text.endsWith("\n");
        int count = endsWithBreak ? lines.length - 1 : lines.length;
        for (int i = 0; i < count; i++) {
            out.append(escapeLine(lines[i]));
            if (i < count - 1 || endsWithBreak) {
                out.append('\n');
            }
        }
        return out.append("\"\"\"").toString();
    }

    private static String escapeLine(String line) {
        StringBuilder out = new StringBuilder(line.length() + 8);
        int quotes = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                // Every third quote in a row is escaped, so no run can close the block.
                quotes++;
                out.append(quotes % 3 == 0 ? "\\\"" : "\"");
                continue;
            }
            quotes = 0;
            boolean last = i == line.length() - 1;
            if (c == '\\') {
                out.append("\\\\");
            } else if (last && c == ' ') {
                out.append("\\s");
            } else if (last && c == '\t') {
                out.append("\\t");
            } else if (c != '\t' && Character.isISOControl(c)) {
                out.append(String.format("\\%03o", (int) c));
            } else {
                out.append(c);
            }
        }
        // A line ending in a quote right before the closing delimiter would merge with it.
        if (quotes > 0 && quotes % 3 != 0 && out.length() > 0) {
            out.setLength(out.length() - 1);
            out.append("\\\"");
        }
        return out.toString();
    }
}
