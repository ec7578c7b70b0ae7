package dev.sleet.kit;

/**
 * An error meant for the user: its message is complete on its own (what went wrong, where, and
 * what to do) and is printed without a stack trace unless the user asks for one.
 */
public class SleetException extends RuntimeException {

    public SleetException(String message) {
        super(message);
    }

    public SleetException(String message, Throwable cause) {
        super(message, cause);
    }
}
