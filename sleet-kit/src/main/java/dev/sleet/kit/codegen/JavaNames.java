package dev.sleet.kit.codegen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Java names derived from SQL names: {@code epic_id} → field {@code epicId}, class {@code EpicId},
 * constant {@code EPIC_ID}. The result is always a valid Java identifier; clashes are the caller's
 * business (see {@link Allocator}).
 */
final class JavaNames {

    /** Keywords, literals and contextual keywords that are unsafe as plain identifiers. */
    static final Set<String> KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "true", "false", "null", "_", "var", "yield", "record", "sealed", "permits");

    /**
     * Simple type names a nested table class must not take: the generated files' own classes, every
     * type they import, and java.lang's public types (as of Java 25, so that the output does not
     * depend on the JDK that ran the generator).
     */
    static final Set<String> RESERVED_TYPES = Set.of(
            "Schema", "Relations", "Table", "Column", "ForeignKey", "Index", "Constraint", "DataType",
            "ReferentialAction", "IndexMethod", "Relation", "TableRelations", "ColumnDefault", "EnumType", "Sequence", "Check", "IndexKey", "View",
            "Role", "Policy",
            "SequenceOptions", "BigDecimal",
            "LocalDate", "LocalTime", "LocalDateTime", "OffsetDateTime", "UUID", "HexFormat", "List", "Supplier",
            // java.lang
            "AbstractMethodError", "Appendable", "ArithmeticException", "ArrayIndexOutOfBoundsException",
            "ArrayStoreException", "AssertionError", "AutoCloseable", "Boolean", "BootstrapMethodError", "Byte",
            "CharSequence", "Character", "Class", "ClassCastException", "ClassCircularityError", "ClassFormatError",
            "ClassLoader", "ClassNotFoundException", "ClassValue", "CloneNotSupportedException", "Cloneable",
            "Comparable", "Compiler", "Deprecated", "Double", "Enum", "EnumConstantNotPresentException", "Error",
            "Exception", "ExceptionInInitializerError", "Float", "FunctionalInterface", "IllegalAccessError",
            "IllegalAccessException", "IllegalArgumentException", "IllegalCallerException",
            "IllegalMonitorStateException", "IllegalStateException", "IllegalThreadStateException",
            "IncompatibleClassChangeError", "IndexOutOfBoundsException", "InheritableThreadLocal",
            "InstantiationError", "InstantiationException", "Integer", "InternalError", "InterruptedException",
            "IO", "Iterable", "LayerInstantiationException", "LinkageError", "Long", "MatchException", "Math",
            "Module", "ModuleLayer", "NegativeArraySizeException", "NoClassDefFoundError", "NoSuchFieldError",
            "NoSuchFieldException", "NoSuchMethodError", "NoSuchMethodException", "NullPointerException", "Number",
            "NumberFormatException", "Object", "OutOfMemoryError", "Override", "Package", "Process",
            "ProcessBuilder", "ProcessHandle", "Readable", "Record", "ReflectiveOperationException", "Runnable",
            "Runtime", "RuntimeException", "RuntimePermission", "SafeVarargs", "ScopedValue", "SecurityException",
            "SecurityManager", "Short", "StableValue", "StackOverflowError", "StackTraceElement", "StackWalker",
            "StrictMath", "String", "StringBuffer", "StringBuilder", "StringIndexOutOfBoundsException",
            "StringTemplate", "SuppressWarnings", "System", "Thread", "ThreadDeath", "ThreadGroup", "ThreadLocal",
            "Throwable", "TypeNotPresentException", "UnknownError", "UnsatisfiedLinkError",
            "UnsupportedClassVersionError", "UnsupportedOperationException", "VerifyError", "VirtualMachineError",
            "Void", "WrongThreadException");

    private JavaNames() {}

    /**
     * The words of an SQL name: split at anything that cannot be part of a Java identifier, at
     * underscores and dollars, and at case changes ({@code epicId} → epic, Id; {@code XMLData} → XML, Data).
     */
    static List<String> words(String sqlName) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int[] cps = sqlName.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (cp == '_' || cp == '$' || !Character.isJavaIdentifierPart(cp) || Character.isIdentifierIgnorable(cp)) {
                flush(word, words);
                continue;
            }
            if (word.length() > 0 && Character.isUpperCase(cp)) {
                int previous = word.codePointBefore(word.length());
                boolean afterLower = Character.isLowerCase(previous) || Character.isDigit(previous);
                boolean acronymEnd = Character.isUpperCase(previous) && i + 1 < cps.length
                        && Character.isLowerCase(cps[i + 1]);
                if (afterLower || acronymEnd) {
                    flush(word, words);
                }
            }
            word.appendCodePoint(cp);
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    /** {@code epic_id} → {@code epicId}; empty when the name has no usable characters. */
    static String camel(String sqlName) {
        StringBuilder out = new StringBuilder();
        for (String word : words(sqlName)) {
            out.append(out.length() == 0 ? word.toLowerCase(Locale.ROOT) : capitalize(word));
        }
        return identifier(out.toString());
    }

    /** {@code tasks_tags} → {@code TasksTags}. */
    static String pascal(String sqlName) {
        StringBuilder out = new StringBuilder();
        for (String word : words(sqlName)) {
            out.append(capitalize(word));
        }
        return identifier(out.toString());
    }

    /** {@code tasksTags} → {@code TASKS_TAGS}. */
    static String upperSnake(String sqlName) {
        return identifier(String.join("_", words(sqlName)).toUpperCase(Locale.ROOT));
    }

    private static String capitalize(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        int first = lower.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toTitleCase(first))
                .append(lower, Character.charCount(first), lower.length()).toString();
    }

    /** Prefixes names that cannot start an identifier (leading digits); empty stays empty. */
    private static String identifier(String name) {
        if (name.isEmpty() || Character.isJavaIdentifierStart(name.codePointAt(0))) {
            return name;
        }
        return "_" + name;
    }

    /**
     * Hands out unique names: the first free candidate, else the first candidate followed by 2, 3, ...
     * Names are compared case-insensitively when asked (class files on case-insensitive file systems).
     */
    static final class Allocator {

        private final Set<String> taken = new HashSet<>();
        private final boolean ignoreCase;
        private final Set<String> alsoTaken;

        Allocator(boolean ignoreCase) {
            this(ignoreCase, Set.of());
        }

        /** An allocator that also avoids {@code alsoTaken} (shared, not copied: tables share the constants). */
        Allocator(boolean ignoreCase, Set<String> alsoTaken) {
            this.ignoreCase = ignoreCase;
            this.alsoTaken = alsoTaken;
        }

        /** Marks a name as used without allocating it. */
        void reserve(String name) {
            taken.add(key(name));
        }

        boolean isFree(String name) {
            return !name.isEmpty() && !taken.contains(key(name)) && !alsoTaken.contains(name);
        }

        String allocate(List<String> candidates, String fallback) {
            String base = null;
            for (String candidate : candidates) {
                if (candidate.isEmpty()) {
                    continue;
                }
                if (base == null) {
                    base = candidate;
                }
                if (isFree(candidate)) {
                    reserve(candidate);
                    return candidate;
                }
            }
            if (base == null) {
                base = fallback;
            }
            for (int n = base.equals(fallback) && isFree(fallback) ? 1 : 2; ; n++) {
                String candidate = n == 1 ? base : base + (Character.isDigit(base.charAt(base.length() - 1)) ? "_" : "") + n;
                if (isFree(candidate)) {
                    reserve(candidate);
                    return candidate;
                }
            }
        }

        private String key(String name) {
            return ignoreCase ? name.toLowerCase(Locale.ROOT) : name;
        }
    }
}
