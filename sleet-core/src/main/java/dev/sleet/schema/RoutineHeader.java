package dev.sleet.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What the head of a routine's definition says, read without a database: {@code CREATE [OR
 * REPLACE] FUNCTION | PROCEDURE | AGGREGATE schema.name(arguments)}, and for a function the
 * {@code RETURNS} clause up to the end of its line (where {@code pg_get_functiondef} ends it).
 *
 * @param kind      {@code function}, {@code procedure} or {@code aggregate}
 * @param schema    the schema ({@code public} when the name is not qualified)
 * @param name      the routine's name
 * @param arguments the argument list as written, defaults included
 * @param result    what a function returns, as written; null for procedures and aggregates
 */
public record RoutineHeader(String kind, String schema, String name, String arguments, String result) {

    public static final String FUNCTION = "function";
    public static final String PROCEDURE = "procedure";
    public static final String AGGREGATE = "aggregate";

    public RoutineHeader {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(schema);
        Objects.requireNonNull(name);
        Objects.requireNonNull(arguments);
    }

    /**
     * The arguments without their defaults, as {@code DROP FUNCTION} takes them and as a routine is
     * told from its overloads.
     */
    public String identityArguments() {
        List<String> parts = new ArrayList<>();
        for (String argument : splitTopLevel(arguments)) {
            int cut = topLevelDefault(argument);
            parts.add((cut < 0 ? argument : argument.substring(0, cut)).trim());
        }
        return String.join(", ", parts);
    }

    /**
     * The input arguments (IN, INOUT, VARIADIC; not OUT) without mode or default, name and type as
     * written: PostgreSQL tells a routine from its overloads by their types.
     */
    public List<String> inputArguments() {
        List<String> inputs = new ArrayList<>();
        for (String argument : splitTopLevel(identityArguments())) {
            String[] words = argument.split("\\s+", 2);
            String mode = words[0].toUpperCase(Locale.ROOT);
            if (mode.equals("OUT")) {
                continue;
            }
            boolean moded = words.length == 2 && (mode.equals("IN") || mode.equals("INOUT") || mode.equals("VARIADIC"));
            inputs.add(moded ? words[1].trim() : argument);
        }
        return inputs;
    }

    /** {@code schema.name(identity arguments)}: how snapshots key a routine. */
    public String key() {
        return schema + "." + name + "(" + identityArguments() + ")";
    }

    /**
     * Reads the head of {@code definition}.
     *
     * @throws IllegalArgumentException when it does not start like a routine's definition
     */
    public static RoutineHeader parse(String definition) {
        Reader r = new Reader(definition);
        r.expectWord("create");
        if (r.peekWord().equals("or")) {
            r.word();
            r.expectWord("replace");
        }
        String kind = r.word();
        if (!kind.equals(FUNCTION) && !kind.equals(PROCEDURE) && !kind.equals(AGGREGATE)) {
            throw new IllegalArgumentException("A routine's definition starts with CREATE FUNCTION, CREATE PROCEDURE or "
                    + "CREATE AGGREGATE, not: " + firstLine(definition));
        }
        String first = r.identifier();
        String schema = "public";
        String name = first;
        r.skipSpace();
        if (r.peek() == '.') {
            r.pos++;
            schema = first;
            name = r.identifier();
        }
        r.skipSpace();
        if (r.peek() != '(') {
            throw new IllegalArgumentException("The definition of routine " + name + " has no argument list: "
                    + firstLine(definition));
        }
        int open = r.pos;
        int close = matchingParenthesis(definition, open);
        String arguments = definition.substring(open + 1, close).trim();
        r.pos = close + 1;
        String result = null;
        if (kind.equals(FUNCTION) && r.peekWord().equals("returns")) {
            r.word();
            r.skipSpace();
            result = definition.substring(r.pos, resultEnd(definition, r.pos)).trim();
        }
        return new RoutineHeader(kind, schema, name, arguments, result);
    }

    /** Words that start the clause after {@code RETURNS ...} when a definition is written on one line. */
    private static final Set<String> CLAUSES = Set.of("language", "as", "immutable", "stable", "volatile",
            "strict", "called", "returns", "security", "external", "leakproof", "not", "parallel", "cost", "rows", "support",
            "set", "window", "transform", "begin", "return");

    /** Where the result type ends: at the line's end (as pg_get_functiondef writes it) or the next clause. */
    private static int resultEnd(String text, int start) {
        int depth = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i;
            } else if (c == '\'' || c == '"') {
                i = closingQuote(text, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && Character.isLetter(c) && Character.isWhitespace(text.charAt(i - 1))) {
                int end = i;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                if (i > start && CLAUSES.contains(text.substring(i, end).toLowerCase(Locale.ROOT))) {
                    return i;
                }
                i = end - 1;
            }
        }
        return text.length();
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int nl = trimmed.indexOf('\n');
        return nl < 0 ? trimmed : trimmed.substring(0, nl);
    }

    /** The position of the parenthesis that closes the one at {@code open}, quotes respected. */
    private static int matchingParenthesis(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                i = closingQuote(text, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("A routine's argument list is not closed: " + firstLine(text));
    }

    private static int closingQuote(String text, int start) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return text.length() - 1;
    }

    /** The text split at commas outside parentheses and quotes. */
    static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        if (text.isBlank()) {
            return parts;
        }
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                i = closingQuote(text, i);
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i).trim());
                start = i + 1;
            }
        }
        parts.add(text.substring(start).trim());
        return parts;
    }

    /** Where {@code DEFAULT} (or {@code =}) starts an argument's default, outside quotes; -1 if it has none. */
    private static int topLevelDefault(String argument) {
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c == '\'' || c == '"') {
                i = closingQuote(argument, i);
            } else if (c == '=') {
                return i;
            } else if ((c == 'd' || c == 'D') && (i == 0 || Character.isWhitespace(argument.charAt(i - 1)))
                    && argument.regionMatches(true, i, "default", 0, 7)
                    && (i + 7 == argument.length() || Character.isWhitespace(argument.charAt(i + 7)))) {
                return i;
            }
        }
        return -1;
    }

    private static final class Reader {
        final String text;
        int pos;

        Reader(String text) {
            this.text = Objects.requireNonNull(text, "definition");
        }

        char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        void skipSpace() {
            while (pos < text.length()) {
                if (Character.isWhitespace(text.charAt(pos))) {
                    pos++;
                } else if (text.startsWith("--", pos)) {
                    int nl = text.indexOf('\n', pos);
                    pos = nl < 0 ? text.length() : nl + 1;
                } else {
                    return;
                }
            }
        }

        String peekWord() {
            int saved = pos;
            String word = word();
            pos = saved;
            return word;
        }

        String word() {
            skipSpace();
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            return text.substring(start, pos).toLowerCase(Locale.ROOT);
        }

        void expectWord(String expected) {
            String found = word();
            if (!found.equals(expected)) {
                throw new IllegalArgumentException("A routine's definition starts with CREATE FUNCTION, CREATE PROCEDURE or "
                        + "CREATE AGGREGATE, not: " + firstLine(text));
            }
        }

        /** A quoted identifier as it is, or a bare one folded to lower case. */
        String identifier() {
            skipSpace();
            if (peek() == '"') {
                int end = closingQuote(text, pos);
                String name = text.substring(pos + 1, end).replace("\"\"", "\"");
                pos = end + 1;
                return name;
            }
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                    || text.charAt(pos) == '$')) {
                pos++;
            }
            if (start == pos) {
                throw new IllegalArgumentException("A routine's definition names no routine: " + firstLine(text));
            }
            return text.substring(start, pos).toLowerCase(Locale.ROOT);
        }
    }
}
