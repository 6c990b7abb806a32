package org.xrm4j.sdk.json;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SDK's TimeSpan as text: written in .NET's invariant form {@code [-][d.]hh:mm:ss[.fffffff]} (what
 * {@code TimeSpan.ToString()} prints, in ticks of 100 ns), read in that form or as ISO-8601 ({@code PT5S}, the
 * xsd:duration a DataContract serializer writes). Java's {@link Duration} is the value in the model.
 */
final class TimeSpans {
    private static final long TICKS_PER_SECOND = 10_000_000L;
    private static final Pattern INVARIANT = Pattern.compile("(-)?(?:(\\d+)\\.)?(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{1,7}))?");

    private TimeSpans() {}

    static String format(Duration d) {
        boolean negative = d.isNegative();
        Duration a = d.abs();
        long seconds = a.getSeconds();
        long ticks = a.getNano() / 100;
        StringBuilder s = new StringBuilder(negative ? "-" : "");
        long days = seconds / 86_400;
        if (days > 0) s.append(days).append('.');
        s.append(two(seconds / 3600 % 24)).append(':').append(two(seconds / 60 % 60)).append(':').append(two(seconds % 60));
        if (ticks > 0) s.append('.').append(String.format("%07d", ticks));
        return s.toString();
    }

    /** The duration the text names, or {@code null} when it is in neither form. */
    static Duration parse(String text) {
        Matcher m = INVARIANT.matcher(text.trim());
        if (m.matches()) {
            long hours = Long.parseLong(m.group(3));
            long minutes = Long.parseLong(m.group(4));
            long secs = Long.parseLong(m.group(5));
            if (hours > 23 || minutes > 59 || secs > 59) return null;
            long days = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
            String fraction = m.group(6) == null ? "" : m.group(6);
            long ticks = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "000000").substring(0, 7));
            Duration d = Duration.ofDays(days).plusHours(hours).plusMinutes(minutes).plusSeconds(secs)
                    .plusNanos(ticks * (1_000_000_000L / TICKS_PER_SECOND));
            return m.group(1) == null ? d : d.negated();
        }
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String two(long v) { return v < 10 ? "0" + v : Long.toString(v); }
}
