package org.xrm4j.sdk.json;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/**
 * Decodes the single-value types: the bare JSON number and the {@code "Value"} of Long, Double, Decimal, Money,
 * DateTime, Binary and TimeSpan. Each takes the value node and reports problems at {@code Value}.
 *
 * <p>The {@code ...Text} methods convert the text of a JSON string; the tree reader and the streaming one
 * ({@link StreamingValueReader}) share them, so a value reads the same whichever path decodes it.
 */
final class ScalarReader {
    private ScalarReader() {}

    static Integer bareNumber(JsonNode n) {
        if (n.isInt()) return n.intValue();
        String text = n.toString();
        if (n.isIntegralNumber()) {
            throw new JsonDecodeException("The number " + text + " is outside the Int32 range",
                    "Send it as {\"$type\":\"Long\",\"Value\":\"" + text + "\"}.");
        }
        throw new JsonDecodeException("The number " + text + " is not integral; a bare number is an Int32",
                "Send it as {\"$type\":\"Double\",\"Value\":" + text + "} or {\"$type\":\"Decimal\",\"Value\":\"" + text + "\"}.");
    }

    static Long longValue(JsonNode v) {
        if (v.isString()) return longText(v.stringValue());
        if (v.isIntegralNumber() && v.canConvertToLong()) return v.longValue();
        throw JsonFields.wrongType("Value", "an Int64 as a string of digits", v);
    }

    static Long longText(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw JsonFields.wrongType("Value", "an Int64 as a string of digits", JsonFields.describeString(s));
        }
    }

    static Double doubleValue(JsonNode v) {
        if (v.isNumber()) return v.doubleValue();
        if (v.isString()) return doubleText(v.stringValue());
        throw JsonFields.wrongType("Value", "a number", v);
    }

    /** JSON has no NaN or infinities; writers (Jackson among them) send them as strings. */
    static Double doubleText(String s) {
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw JsonFields.wrongType("Value", "a number", JsonFields.describeString(s));
        };
    }

    /**
     * A Decimal or Money amount: a string, which keeps digits and scale exactly. An integral JSON number is exact too
     * and accepted; a fractional one is refused, since the tree holds it as a double that may have lost digits.
     */
    static BigDecimal decimal(JsonNode v) {
        if (v.isString()) return decimalText(v.stringValue());
        if (v.isIntegralNumber()) return new BigDecimal(v.bigIntegerValue());
        throw new JsonDecodeException("Expected a decimal number as a string, not " + JsonFields.describe(v),
                "Quote it, e.g. \"Value\":\"12.50\", so no digit is lost.").at("Value");
    }

    static BigDecimal decimalText(String s) {
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw JsonFields.wrongType("Value", "a decimal number as a string", JsonFields.describeString(s));
        }
    }

    static Instant dateTime(JsonNode v) {
        if (!v.isString()) throw JsonFields.wrongType("Value", "an ISO-8601 date and time string", v);
        return dateTimeText(v.stringValue());
    }

    /** ISO-8601; an offset is converted to UTC and a value without one is taken as UTC. */
    static Instant dateTimeText(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new JsonDecodeException("'" + s + "' is not an ISO-8601 date and time",
                        "Write it as 2026-11-22T03:42:07Z.").at("Value");
            }
        }
    }

    /** A TimeSpan: {@code "00:00:05"} (.NET's invariant text) or {@code "PT5S"} (ISO-8601). */
    static Duration timeSpan(JsonNode v) {
        if (!v.isString()) throw timeSpanExpected(JsonFields.describe(v));
        return timeSpanText(v.stringValue());
    }

    static Duration timeSpanText(String s) {
        Duration d = TimeSpans.parse(s);
        if (d == null) throw timeSpanExpected(JsonFields.describeString(s));
        return d;
    }

    private static JsonDecodeException timeSpanExpected(String found) {
        return JsonFields.wrongType("Value", "a TimeSpan such as \"00:00:05\" or \"PT5S\"", found);
    }

    static byte[] binary(JsonNode v) {
        if (!v.isString()) throw JsonFields.wrongType("Value", "a base64 string", v);
        return binaryText(v.stringValue());
    }

    static byte[] binaryText(String s) {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new JsonDecodeException("The Binary value is not valid base64: " + e.getMessage()).at("Value");
        }
    }
}
