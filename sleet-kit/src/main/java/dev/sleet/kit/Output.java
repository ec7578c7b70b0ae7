package dev.sleet.kit;

import java.util.List;

/** Where the kit reports progress; the CLI prints it, tests collect it. */
public interface Output {

    /** How many names a message lists before it counts the rest. */
    int NAMED = 5;

    /** Names for a message: {@code a, b, c}, or the first {@value #NAMED} {@code and 7 more}. */
    static String names(List<String> names) {
        return names.size() <= NAMED ? String.join(", ", names)
                : String.join(", ", names.subList(0, NAMED)) + " and " + (names.size() - NAMED) + " more";
    }

    void info(String line);

    void warn(String line);

    /** Whether to say everything (the CLI's {@code --verbose}): every object of a list, not the first few. */
    default boolean verbose() {
        return false;
    }

    Output SILENT = new Output() {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}
    };
}
