package dev.sleet.kit.postgres;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interval text as {@code interval_out} prints it with {@code IntervalStyle = postgres} (which
 * introspection pins). An interval default is stored as a value, so the catalog prints
 * {@code '90 minutes'::interval} back as {@code '01:30:00'::interval}; writing the printed form into
 * snapshots and DDL lets code and database compare equal.
 *
 * <p>Reads the common spellings: {@code [@] quantity unit ... [hh:mm[:ss[.f]]] [ago]}, a bare number
 * of seconds, and ISO 8601 with designators ({@code P1Y2M3DT4H}). Fractions spill into smaller
 * units as PostgreSQL 15's {@code DecodeInterval} does (a month is 30 days, a day 24 hours). Any
 * other spelling is left as written, since guessing wrong would change the default's value.
 */
final class PostgresIntervals {

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
    private static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

    private enum Unit { MICROSECOND, MILLISECOND, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, YEAR, DECADE, CENTURY, MILLENNIUM }

    private static final Map<String, Unit> UNITS = Map.ofEntries(
            Map.entry("microsecond", Unit.MICROSECOND), Map.entry("microseconds", Unit.MICROSECOND),
            Map.entry("usec", Unit.MICROSECOND), Map.entry("usecs", Unit.MICROSECOND), Map.entry("us", Unit.MICROSECOND),
            Map.entry("millisecond", Unit.MILLISECOND), Map.entry("milliseconds", Unit.MILLISECOND),
            Map.entry("msec", Unit.MILLISECOND), Map.entry("msecs", Unit.MILLISECOND), Map.entry("ms", Unit.MILLISECOND),
            Map.entry("second", Unit.SECOND), Map.entry("seconds", Unit.SECOND), Map.entry("sec", Unit.SECOND),
            Map.entry("secs", Unit.SECOND), Map.entry("s", Unit.SECOND),
            Map.entry("minute", Unit.MINUTE), Map.entry("minutes", Unit.MINUTE), Map.entry("min", Unit.MINUTE),
            Map.entry("mins", Unit.MINUTE), Map.entry("m", Unit.MINUTE),
            Map.entry("hour", Unit.HOUR), Map.entry("hours", Unit.HOUR), Map.entry("hr", Unit.HOUR),
            Map.entry("hrs", Unit.HOUR), Map.entry("h", Unit.HOUR),
            Map.entry("day", Unit.DAY), Map.entry("days", Unit.DAY), Map.entry("d", Unit.DAY),
            Map.entry("week", Unit.WEEK), Map.entry("weeks", Unit.WEEK), Map.entry("w", Unit.WEEK),
            Map.entry("month", Unit.MONTH), Map.entry("months", Unit.MONTH), Map.entry("mon", Unit.MONTH),
            Map.entry("mons", Unit.MONTH),
            Map.entry("year", Unit.YEAR), Map.entry("years", Unit.YEAR), Map.entry("yr", Unit.YEAR),
            Map.entry("yrs", Unit.YEAR), Map.entry("y", Unit.YEAR),
            Map.entry("decade", Unit.DECADE), Map.entry("decades", Unit.DECADE),
            Map.entry("century", Unit.CENTURY), Map.entry("centuries", Unit.CENTURY),
            Map.entry("millennium", Unit.MILLENNIUM), Map.entry("millennia", Unit.MILLENNIUM));

    private static final Pattern QUANTITY = Pattern.compile("([+-]?)(\\d+)(?:\\.(\\d*))?([a-z]*)");
    private static final Pattern TIME = Pattern.compile("([+-]?)(\\d+):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d*))?)?");
    private static final Pattern ISO_PART = Pattern.compile("([+-]?\\d+(?:\\.\\d*)?)([a-z])");

    private PostgresIntervals() {}

    /** An interval's fields as PostgreSQL keeps them. */
    private static final class Value {
        long months;
        long days;
        long micros;

        void add(Unit unit, long whole, double fraction) {
            switch (unit) {
                case MICROSECOND: addMicros(whole, fraction, 1); break;
                case MILLISECOND: addMicros(whole, fraction, 1000); break;
                case SECOND: addMicros(whole, fraction, MICROS_PER_SECOND); break;
                case MINUTE: addMicros(whole, fraction, MICROS_PER_MINUTE); break;
                case HOUR: addMicros(whole, fraction, MICROS_PER_HOUR); break;
                case DAY: days += whole; addFractionMicros(fraction, MICROS_PER_DAY); break;
                case WEEK: days += 7 * whole; addFractionDays(fraction, 7); break;
                case MONTH: months += whole; addFractionDays(fraction, 30); break;
                case YEAR: addYears(whole, fraction, 1); break;
                case DECADE: addYears(whole, fraction, 10); break;
                case CENTURY: addYears(whole, fraction, 100); break;
                default: addYears(whole, fraction, 1000); break;
            }
        }

        private void addYears(long whole, double fraction, int scale) {
            months += 12 * scale * whole + (long) Math.rint(fraction * scale * 12);
        }

        private void addMicros(long whole, double fraction, long scale) {
            micros += whole * scale;
            addFractionMicros(fraction, scale);
        }

        private void addFractionMicros(double fraction, long scale) {
            double scaled = fraction * scale;
            long wholeMicros = (long) scaled;
            micros += wholeMicros + (long) Math.rint(scaled - wholeMicros);
        }

        private void addFractionDays(double fraction, int scale) {
            double scaled = fraction * scale;
            long extraDays = (long) scaled;
            days += extraDays;
            addFractionMicros(scaled - extraDays, MICROS_PER_DAY);
        }
    }

    /** The printed form of {@code text}, or empty when it is not a spelling read here. */
    static Optional<String> canonical(String text) {
        String input = text.trim().toLowerCase(Locale.ROOT);
        Value value = input.startsWith("p") ? iso(input.substring(1)) : postgres(input);
        return value == null ? Optional.empty() : Optional.of(print(value));
    }

    private static Value postgres(String input) {
        if (input.startsWith("@")) {
            input = input.substring(1).trim();
        }
        String[] tokens = input.isEmpty() ? new String[0] : input.split("\\s+");
        int end = tokens.length;
        boolean ago = end > 0 && tokens[end - 1].equals("ago");
        if (ago) {
            end--;
        }
        if (end == 0) {
            return null;
        }
        Value value = new Value();
        for (int i = 0; i < end; i++) {
            Matcher time = TIME.matcher(tokens[i]);
            if (time.matches()) {
                if (!addTime(value, time)) {
                    return null;
                }
                continue;
            }
            Matcher quantity = QUANTITY.matcher(tokens[i]);
            if (!quantity.matches()) {
                return null;
            }
            String unitName = quantity.group(4);
            if (unitName.isEmpty() && i + 1 < end && UNITS.containsKey(tokens[i + 1])) {
                unitName = tokens[++i];
            }
            Unit unit = unitName.isEmpty() && end == 1 ? Unit.SECOND : UNITS.get(unitName);
            if (unit == null) {
                return null;
            }
            boolean negative = quantity.group(1).equals("-");
            long whole = Long.parseLong(quantity.group(2));
            double fraction = quantity.group(3) == null || quantity.group(3).isEmpty() ? 0
                    : Double.parseDouble("0." + quantity.group(3));
            value.add(unit, negative ? -whole : whole, negative ? -fraction : fraction);
        }
        if (ago) {
            value.months = -value.months;
            value.days = -value.days;
            value.micros = -value.micros;
        }
        return value;
    }

    private static boolean addTime(Value value, Matcher time) {
        long hours = Long.parseLong(time.group(2));
        long minutes = Long.parseLong(time.group(3));
        long seconds = time.group(4) == null ? 0 : Long.parseLong(time.group(4));
        if (minutes > 59 || seconds > 59) {
            return false;
        }
        long fraction = time.group(5) == null || time.group(5).isEmpty() ? 0
                : (long) Math.rint(Double.parseDouble("0." + time.group(5)) * MICROS_PER_SECOND);
        long micros = hours * MICROS_PER_HOUR + minutes * MICROS_PER_MINUTE + seconds * MICROS_PER_SECOND + fraction;
        value.micros += time.group(1).equals("-") ? -micros : micros;
        return true;
    }

    /** ISO 8601 with designators, after the {@code P}: {@code 1Y2M3DT4H5M6S}. */
    private static Value iso(String input) {
        Value value = new Value();
        boolean timePart = false;
        int at = 0;
        int parts = 0;
        Matcher part = ISO_PART.matcher(input);
        while (at < input.length()) {
            if (!timePart && input.charAt(at) == 't') {
                timePart = true;
                at++;
                continue;
            }
            if (!part.find(at) || part.start() != at) {
                return null;
            }
            Unit unit = isoUnit(part.group(2).charAt(0), timePart);
            if (unit == null) {
                return null;
            }
            double number = Double.parseDouble(part.group(1));
            long whole = (long) number;
            value.add(unit, whole, number - whole);
            at = part.end();
            parts++;
        }
        return parts == 0 ? null : value;
    }

    private static Unit isoUnit(char designator, boolean timePart) {
        if (timePart) {
            return designator == 'h' ? Unit.HOUR : designator == 'm' ? Unit.MINUTE : designator == 's' ? Unit.SECOND : null;
        }
        switch (designator) {
            case 'y': return Unit.YEAR;
            case 'm': return Unit.MONTH;
            case 'w': return Unit.WEEK;
            case 'd': return Unit.DAY;
            default: return null;
        }
    }

    /** {@code interval_out}'s postgres style: {@code -1 years +2 mons 3 days -04:05:06.5}. */
    private static String print(Value value) {
        StringBuilder out = new StringBuilder();
        boolean[] state = {true, false}; // {nothing printed yet, the last part printed was negative}
        part(out, value.months / 12, "year", state);
        part(out, value.months % 12, "mon", state);
        part(out, value.days, "day", state);
        long micros = value.micros;
        if (state[0] || micros != 0) {
            long hours = micros / MICROS_PER_HOUR;
            long minutes = micros % MICROS_PER_HOUR / MICROS_PER_MINUTE;
            long seconds = micros % MICROS_PER_MINUTE / MICROS_PER_SECOND;
            long fraction = Math.abs(micros % MICROS_PER_SECOND);
            out.append(state[0] ? "" : " ").append(micros < 0 ? "-" : state[1] ? "+" : "")
                    .append(String.format("%02d:%02d:%02d", Math.abs(hours), Math.abs(minutes), Math.abs(seconds)));
            if (fraction != 0) {
                out.append('.').append(String.format("%06d", fraction).replaceFirst("0+$", ""));
            }
        }
        return out.toString();
    }

    private static void part(StringBuilder out, long amount, String unit, boolean[] state) {
        if (amount == 0) {
            return;
        }
        out.append(state[0] ? "" : " ").append(state[1] && amount > 0 ? "+" : "")
                .append(amount).append(' ').append(unit).append(amount != 1 ? "s" : "");
        state[1] = amount < 0;
        state[0] = false;
    }
}
