package dev.sleet.kit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in text meant for people: messages, warnings, usage errors, stack traces. A
 * credential is masked where it stands as one, never as a substring: the password of a URL
 * ({@code postgresql://app:****@host/db}), a {@code password=} parameter, and each known secret
 * (the configured password) where it is a whole token. So a one-letter password {@code s} leaves
 * {@code does not exist} alone, and SQL quoted in an error stays readable.
 *
 * <p>Data that is the command's result (the SQL {@code export} prints) is not a message and is
 * never masked.
 */
public final class Secrets {

    /** Masks what looks like a credential (URL passwords, {@code password=}); knows no values. */
    public static final Secrets NONE = new Secrets(List.of());

    private static final String MASK = "****";

    // scheme:// (or scheme:/, a URL read as a path) user : password @ — the password runs to the
    // last @ of the token, so one holding '/', '@' or a quote is masked whole.
    private static final Pattern URL_PASSWORD =
            Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*:/{1,2}[^\\s/:@'\"]*:)\\S*(?=@)");
    // ?password=..., &password=..., --password=...; not "password = 'x'" in SQL (no spaces around =).
    // The value may hold quotes; one right before its end is the quote around it in a message.
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)(\\bpassword=)[^&\\s]*?(?=['\"]?(?:[&\\s]|$))");

    private final List<String> values;

    private Secrets(List<String> values) {
        this.values = values;
    }

    /** Also masks each of these values (null and empty ones are ignored) where it is a whole token. */
    public static Secrets of(String... values) {
        return new Secrets(Arrays.stream(values).filter(Objects::nonNull).filter(v -> !v.isEmpty()).toList());
    }

    /** The text with every credential in it replaced by {@code ****}; null reads as empty. */
    public String mask(String text) {
        if (text == null) {
            return "";
        }
        String masked = URL_PASSWORD.matcher(text).replaceAll("$1" + MASK);
        masked = PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
        for (String value : values) {
            masked = maskToken(masked, value);
        }
        return masked;
    }

    /** Replaces {@code value} where neither neighbour belongs to the same word. */
    private static String maskToken(String text, String value) {
        Matcher m = Pattern.compile(Pattern.quote(value)).matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean whole = !inWord(text, m.start() - 1) && !inWord(text, m.end());
            m.appendReplacement(out, Matcher.quoteReplacement(whole ? MASK : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Whether the character at {@code i} is part of a word: a letter, digit or underscore, or an
     * apostrophe between two of them ("file's" is one word; in {@code 's'} the quotes are not).
     */
    private static boolean inWord(String text, int i) {
        if (i < 0 || i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        if (c == '\'') {
            return i > 0 && i + 1 < text.length() && isWordChar(text.charAt(i - 1)) && isWordChar(text.charAt(i + 1));
        }
        return isWordChar(c);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
