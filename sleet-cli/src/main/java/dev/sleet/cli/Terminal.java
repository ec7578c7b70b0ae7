package dev.sleet.cli;

import java.io.Console;

/**
 * Where the CLI asks a person questions (rename or create? apply despite data loss?). The real one
 * is {@link System#console()}; tests inject a scripted one. Without a terminal (CI, pipes, scripts)
 * nothing is asked, and commands take their answers from options or refuse.
 */
public interface Terminal {

    /** True when a person can answer. */
    boolean interactive();

    /** Shows {@code prompt} (may span lines) and reads one line; null at end of input. */
    String readLine(String prompt);

    /**
     * Shows {@code prompt} and reads until the answer is a number from 1 to {@code choices}; 0 at end
     * of input or after five answers that are not.
     */
    default int choose(String prompt, int choices) {
        String text = prompt;
        for (int attempt = 0; attempt < 5; attempt++) {
            String line = readLine(text);
            if (line == null) {
                return 0;
            }
            try {
                int choice = Integer.parseInt(line.trim());
                if (choice >= 1 && choice <= choices) {
                    return choice;
                }
            } catch (NumberFormatException e) {
                // asked again below
            }
            text = "Please type a number from 1 to " + choices + ": ";
        }
        return 0;
    }

    /** Asks a yes/no question; only "y" or "yes" is yes, and end of input is no. */
    default boolean confirm(String question) {
        String line = readLine(question + " [y/N] ");
        return line != null && (line.trim().equalsIgnoreCase("y") || line.trim().equalsIgnoreCase("yes"));
    }

    /** {@link System#console()}: interactive when the JVM has a console (stdin and stdout are a terminal). */
    static Terminal system() {
        return new Terminal() {
            @Override
            public boolean interactive() {
                return System.console() != null;
            }

            @Override
            public String readLine(String prompt) {
                Console console = System.console();
                return console == null ? null : console.readLine("%s", prompt);
            }
        };
    }

    /** No terminal: never interactive. */
    Terminal NONE = new Terminal() {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public String readLine(String prompt) {
            return null;
        }
    };
}
