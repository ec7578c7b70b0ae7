package dev.sleet.kit.postgres;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sleet's canonical spelling of PostgreSQL types. The catalog's {@code format_type} writes
 * {@code character varying(50)} and {@code timestamp(3) with time zone}; schema code writes
 * {@code varchar(50)} and {@code timestamptz(3)}. Both are brought to the short form here.
 */
final class PostgresTypes {

    private static final Pattern TIME_ZONE = Pattern.compile("(timestamp|time)(\\(\\d+\\))? with(out)? time zone(.*)");

    private PostgresTypes() {}

    static String canonical(String formatType) {
        String type = formatType;
        if (type.startsWith("character varying")) {
            type = "varchar" + type.substring("character varying".length());
        } else if (type.startsWith("character")) {
            type = "char" + type.substring("character".length());
        } else if (type.startsWith("bpchar")) {
            type = "char" + type.substring("bpchar".length());
        }
        Matcher m = TIME_ZONE.matcher(type);
        if (m.matches()) {
            String name = m.group(3) == null ? (m.group(1).equals("time") ? "timetz" : "timestamptz") : m.group(1);
            type = name + (m.group(2) == null ? "" : m.group(2)) + m.group(4);
        }
        return type;
    }

    /** The type without length, precision or array brackets: {@code varchar(50)} gives {@code varchar}. */
    static String base(String type) {
        int paren = type.indexOf('(');
        String base = paren < 0 ? type : type.substring(0, paren);
        return base.endsWith("[]") ? base.substring(0, base.length() - 2) : base.trim();
    }

    /** The keyword that declares a serial column of this integer type. */
    static String serialKeyword(String type) {
        switch (type) {
            case "bigint": return "bigserial";
            case "smallint": return "smallserial";
            default: return "serial";
        }
    }
}
