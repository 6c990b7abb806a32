package org.xrm4j.cli.load;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.Money;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OptionSetValueCollection;

/**
 * Turns one CSV cell into the SDK value its column's type takes. A cell that does not fit throws
 * {@link IllegalArgumentException} with a message for the failures file. Range, length and option checks beyond
 * what parsing needs are left to the server, so its faults and messages are the same as for any other caller.
 *
 * <p>DateTime takes ISO-8601: an instant ({@code 2026-03-01T10:00:00Z}), a date-time with an offset, a date-time
 * without one (read as UTC), or a date alone (midnight UTC). A lookup takes {@code entity:guid}, or a bare guid
 * when the column has one target.
 */
public final class ColumnConverter {
    private static final Pattern GUID = Pattern.compile("\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}?");

    private ColumnConverter() {}

    public static Object convert(EntityDefinition.Column column, String cell) {
        String text = column.type().equals("String") || column.type().equals("Memo") ? cell : cell.strip();
        return switch (column.type()) {
            case "String", "Memo", "EntityName" -> text;
            case "Integer" -> parse(text, "a whole number", Integer::valueOf);
            case "BigInt" -> parse(text, "a whole number", Long::valueOf);
            case "Decimal" -> parse(text, "a decimal number", BigDecimal::new);
            case "Double" -> parse(text, "a number", ColumnConverter::finiteDouble);
            case "Money" -> parse(text, "an amount", s -> new Money(new BigDecimal(s)));
            case "Boolean" -> bool(text);
            case "DateTime" -> dateTime(text);
            case "Uniqueidentifier" -> guid(text);
            case "Picklist", "State", "Status" -> new OptionSetValue(option(column, text));
            case "MultiSelectPicklist" -> options(column, text);
            case "Lookup", "Customer", "Owner" -> reference(column, text);
            default -> text;
        };
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T parse(String text, String what, Parser<T> parser) {
        try {
            return parser.parse(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + what + ".");
        }
    }

    private static Double finiteDouble(String text) {
        double d = Double.parseDouble(text);
        if (!Double.isFinite(d)) throw new NumberFormatException(text);
        return d;
    }

    static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not a yes/no value (true/false, 1/0, yes/no).");
        };
    }

    static Instant dateTime(String text) {
        try {
            if (text.length() == 10) return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (text.endsWith("Z") || text.endsWith("z")) return Instant.parse(text.toUpperCase(Locale.ROOT));
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException noOffset) {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 date or date-time (such as 2026-03-01 or 2026-03-01T10:00:00Z).");
        }
    }

    static UUID guid(String text) {
        if (!GUID.matcher(text).matches()) throw new IllegalArgumentException("'" + text + "' is not a GUID.");
        return UUID.fromString(text.replace("{", "").replace("}", ""));
    }

    /** A choice by number or by label (case-insensitive). */
    static int option(EntityDefinition.Column column, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            for (EntityDefinition.Option o : column.options()) if (o.label().equalsIgnoreCase(text)) return o.value();
            throw new IllegalArgumentException("'" + text + "' is not an option (a number, or one of: "
                    + String.join(", ", column.options().stream().map(EntityDefinition.Option::label).toList()) + ").");
        }
    }

    static OptionSetValueCollection options(EntityDefinition.Column column, String text) {
        List<OptionSetValue> values = new ArrayList<>();
        for (String part : text.split(";")) {
            if (!part.isBlank()) values.add(new OptionSetValue(option(column, part.strip())));
        }
        return new OptionSetValueCollection(values);
    }

    static EntityReference reference(EntityDefinition.Column column, String text) {
        int colon = text.indexOf(':');
        String entity;
        String id;
        if (colon >= 0) {
            entity = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            id = text.substring(colon + 1).strip();
            if (!column.targets().isEmpty() && !column.targets().contains(entity)) {
                throw new IllegalArgumentException("the lookup cannot point at '" + entity + "' (targets: "
                        + String.join(", ", column.targets()) + ").");
            }
        } else if (column.targets().size() == 1) {
            entity = column.targets().getFirst();
            id = text;
        } else {
            throw new IllegalArgumentException("the lookup may point at " + (column.targets().isEmpty()
                    ? "several tables" : String.join(" or ", column.targets())) + ": write the value as entity:guid.");
        }
        return new EntityReference(entity, guid(id));
    }
}
