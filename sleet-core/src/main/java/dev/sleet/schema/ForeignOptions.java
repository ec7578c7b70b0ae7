package dev.sleet.schema;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which option names of foreign servers are taken for credentials. Sleet never carries user
 * mappings (their options hold passwords), and a server option named like a credential would
 * print one into code and migrations: such a server is left to the user instead.
 */
public final class ForeignOptions {

    /** Words that name a credential wherever they stand in an option's name ({@code password}, {@code aws_secret_key}). */
    private static final Pattern CREDENTIAL = Pattern.compile("pass|secret|token|credential|key|auth|cert");

    private ForeignOptions() {}

    /** Whether an option of this name may hold a credential. */
    public static boolean isCredential(String optionName) {
        return CREDENTIAL.matcher(optionName.toLowerCase(Locale.ROOT)).find();
    }

    /** {@link #CREDENTIAL} for PostgreSQL's {@code ~*}, to read the same names from the catalog. */
    public static String credentialPattern() {
        return CREDENTIAL.pattern();
    }
}
