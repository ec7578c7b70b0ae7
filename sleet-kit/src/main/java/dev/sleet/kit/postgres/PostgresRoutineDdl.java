package dev.sleet.kit.postgres;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.snapshot.CastSnapshot;
import dev.sleet.kit.snapshot.RoutineSnapshot;
import dev.sleet.kit.snapshot.RuleSnapshot;
import dev.sleet.schema.Enabled;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.sleet.kit.postgres.PostgresNames.quote;

/**
 * DDL for functions, procedures, aggregates, triggers, rules and casts. A routine is created by its
 * definition as it stands (what {@code pg_get_functiondef} prints is already {@code CREATE OR REPLACE});
 * a replacement says {@code OR REPLACE} whatever the code wrote. Rules, like triggers, are created by
 * their definitions, and their enabled state set after; casts are written from their parts, their
 * types as the snapshot spells them.
 */
final class PostgresRoutineDdl {

    private static final Pattern CREATE = Pattern.compile("^\\s*CREATE\\s+(OR\\s+REPLACE\\s+)?", Pattern.CASE_INSENSITIVE);

    private PostgresRoutineDdl() {}

    /** The statements for a routine, trigger, rule or cast change, or null for other changes. */
    static List<String> sql(Change change) {
        if (change instanceof Change.CreateRoutine c) {
            return List.of(statement(c.routine().definition()));
        }
        if (change instanceof Change.ReplaceRoutine c) {
            Matcher head = CREATE.matcher(c.to().definition());
            String definition = head.find() && head.group(1) == null
                    ? "CREATE OR REPLACE " + c.to().definition().substring(head.end()) : c.to().definition();
            return List.of(statement(definition));
        }
        if (change instanceof Change.DropRoutine c) {
            RoutineSnapshot r = c.routine();
            return List.of("DROP " + r.kind().toUpperCase(Locale.ROOT) + " " + quote(r.schema()) + "." + quote(r.name())
                    + "(" + r.header().identityArguments() + ");");
        }
        if (change instanceof Change.CommentRoutine c) {
            RoutineSnapshot r = c.routine();
            return List.of("COMMENT ON " + r.kind().toUpperCase(Locale.ROOT) + " " + quote(r.schema()) + "." + quote(r.name())
                    + "(" + r.header().identityArguments() + ") IS "
                    + (c.comment() == null ? "NULL" : PostgresNames.stringLiteral(c.comment())) + ";");
        }
        if (change instanceof Change.CreateTrigger c) {
            return created(c.trigger().definition(), c.schema(), c.table(), "TRIGGER", c.trigger().name(), c.trigger().enabled());
        }
        if (change instanceof Change.DropTrigger c) {
            return List.of("DROP TRIGGER " + quote(c.trigger().name()) + " ON " + PostgresDdl.table(c.schema(), c.table()) + ";");
        }
        if (change instanceof Change.SetTriggerEnabled c) {
            return List.of(enable(c.schema(), c.table(), "TRIGGER", c.trigger(), c.enabled()));
        }
        if (change instanceof Change.CreateRule c) {
            RuleSnapshot r = c.rule();
            return created(r.definition(), r.schema(), r.table(), "RULE", r.name(), r.enabled());
        }
        if (change instanceof Change.DropRule c) {
            return List.of("DROP RULE " + rule(c.rule()) + ";");
        }
        if (change instanceof Change.CommentRule c) {
            return List.of("COMMENT ON RULE " + rule(c.rule()) + " IS " + commentText(c.comment()) + ";");
        }
        if (change instanceof Change.SetRuleEnabled c) {
            return List.of(enable(c.rule().schema(), c.rule().table(), "RULE", c.rule().name(), c.enabled()));
        }
        if (change instanceof Change.CreateCast c) {
            return List.of(createCast(c.cast()));
        }
        if (change instanceof Change.DropCast c) {
            return List.of("DROP CAST " + cast(c.cast()) + ";");
        }
        if (change instanceof Change.CommentCast c) {
            return List.of("COMMENT ON CAST " + cast(c.cast()) + " IS " + commentText(c.comment()) + ";");
        }
        return null;
    }

    private static String rule(RuleSnapshot rule) {
        return quote(rule.name()) + " ON " + PostgresDdl.table(rule.schema(), rule.table());
    }

    /** {@code (source AS target)}, which names a cast. */
    private static String cast(CastSnapshot cast) {
        return "(" + cast.source() + " AS " + cast.target() + ")";
    }

    private static String createCast(CastSnapshot cast) {
        String how = switch (cast.method()) {
            case CastSnapshot.FUNCTION -> "WITH FUNCTION " + quote(cast.functionSchema()) + "." + quote(cast.function())
                    + "(" + cast.functionArguments() + ")";
            case CastSnapshot.INOUT -> "WITH INOUT";
            default -> "WITHOUT FUNCTION";
        };
        String context = switch (cast.context()) {
            case "assignment" -> " AS ASSIGNMENT";
            case "implicit" -> " AS IMPLICIT";
            default -> "";
        };
        return "CREATE CAST " + cast(cast) + " " + how + context + ";";
    }

    private static String commentText(String comment) {
        return comment == null ? "NULL" : PostgresNames.stringLiteral(comment);
    }

    /**
     * A trigger or rule ({@code kind}) created by its definition; PostgreSQL creates it enabled, so
     * any other state is set after it.
     */
    private static List<String> created(String definition, String schema, String table, String kind, String name,
                                        String state) {
        List<String> statements = new ArrayList<>();
        statements.add(statement(definition));
        if (!state.equals(Enabled.ORIGIN.code())) {
            statements.add(enable(schema, table, kind, name, state));
        }
        return statements;
    }

    /** {@code ALTER TABLE ... ENABLE | DISABLE ... TRIGGER | RULE}: the same words for both kinds. */
    private static String enable(String schema, String table, String kind, String name, String state) {
        String how = switch (Enabled.fromCode(state)) {
            case DISABLED -> "DISABLE";
            case REPLICA -> "ENABLE REPLICA";
            case ALWAYS -> "ENABLE ALWAYS";
            case ORIGIN -> "ENABLE";
        };
        return "ALTER TABLE " + PostgresDdl.table(schema, table) + " " + how + " " + kind + " " + quote(name) + ";";
    }

    /** The definition as one statement: trailing white space and semicolon written once. */
    private static String statement(String definition) {
        String text = definition.stripTrailing();
        return text.endsWith(";") ? text : text + ";";
    }
}
