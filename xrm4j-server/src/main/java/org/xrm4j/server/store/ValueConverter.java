package org.xrm4j.server.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.Money;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OptionSetValueCollection;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;

/**
 * Converts between SDK values and column values, and validates a value against its attribute on the way in: type,
 * length, range and option values. Every rejection is a fault that names the attribute and the entity. Validation
 * happens before any SQL runs, so a bad value never reaches the database.
 */
public final class ValueConverter {
    private ValueConverter() {}

    /** The column value for {@code value} (never a lookup: see {@link #lookupId}). */
    public static Object toColumn(EntityMetadata e, AttributeMetadata a, Object value) {
        if (value == null) return null;
        return switch (a.type()) {
            case String, Memo, EntityName -> checkLength(e, a, expect(e, a, value, String.class));
            case Integer -> checkRange(e, a, expect(e, a, value, Integer.class));
            case BigInt -> value instanceof Integer i ? (long) i : checkRange(e, a, expect(e, a, value, Long.class));
            case Decimal -> checkRange(e, a, decimal(e, a, value));
            case Double -> checkRange(e, a, value instanceof Integer i ? (double) i : expect(e, a, value, Double.class));
            case Money -> checkRange(e, a, expect(e, a, value, Money.class).value());
            case Boolean -> expect(e, a, value, Boolean.class);
            case DateTime -> OffsetDateTime.ofInstant(expect(e, a, value, Instant.class).truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
            case Uniqueidentifier, File, Image -> expect(e, a, value, UUID.class);
            case Picklist, State, Status -> checkOption(e, a, expect(e, a, value, OptionSetValue.class).value());
            case MultiSelectPicklist -> multiSelect(e, a, expect(e, a, value, OptionSetValueCollection.class));
            case Lookup, Customer, Owner -> lookupId(e, a, value);
        };
    }

    /** The id of a lookup value, after checking the reference points at an entity the lookup allows. */
    public static UUID lookupId(EntityMetadata e, AttributeMetadata a, Object value) {
        if (value == null) return null;
        EntityReference ref = expect(e, a, value, EntityReference.class);
        if (!a.targets().contains(ref.logicalName())) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The '" + a.logicalName() + "' attribute of '"
                    + e.logicalName() + "' cannot point at a '" + ref.logicalName() + "' record; it accepts "
                    + String.join(", ", a.targets()) + ".");
        }
        if (ref.id() == null) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The reference given for '" + a.logicalName() + "' of '"
                    + e.logicalName() + "' has no Id.");
        }
        return ref.id();
    }

    /** Reads one column back into its SDK value; lookups are assembled by the reader, not here. */
    public static Object fromColumn(AttributeMetadata a, ResultSet rs, int index) throws SQLException {
        return switch (a.type()) {
            case String, Memo, EntityName -> rs.getString(index);
            case Integer -> nullable(rs, rs.getInt(index));
            case BigInt -> nullable(rs, rs.getLong(index));
            case Decimal -> rs.getBigDecimal(index);
            case Double -> nullable(rs, rs.getDouble(index));
            case Money -> { BigDecimal d = rs.getBigDecimal(index); yield d == null ? null : new Money(d); }
            case Boolean -> nullable(rs, rs.getBoolean(index));
            case DateTime -> { OffsetDateTime t = rs.getObject(index, OffsetDateTime.class); yield t == null ? null : t.toInstant(); }
            case Uniqueidentifier, Lookup, Customer, Owner, File, Image -> rs.getObject(index, UUID.class);
            case Picklist, State, Status -> { int v = rs.getInt(index); yield rs.wasNull() ? null : new OptionSetValue(v); }
            case MultiSelectPicklist -> parseMultiSelect(rs.getString(index));
        };
    }

    /**
     * Converts a query value (which may arrive as text from FetchXML or a bare SDK value) into a column value of the
     * attribute's type, for use as a SQL parameter.
     */
    public static Object queryValue(EntityMetadata e, AttributeMetadata a, Object value) {
        if (value == null) return null;
        try {
            return switch (a.type()) {
                case String, Memo, EntityName -> value.toString();
                case Integer, Picklist, State, Status -> value instanceof OptionSetValue o ? o.value()
                        : value instanceof Number n ? n.intValue() : java.lang.Integer.parseInt(value.toString().trim());
                case BigInt -> value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
                case Decimal, Money -> value instanceof Money m ? m.value() : value instanceof BigDecimal d ? d
                        : new BigDecimal(value.toString().trim());
                case Double -> value instanceof Number n ? n.doubleValue() : java.lang.Double.parseDouble(value.toString().trim());
                case Boolean -> value instanceof Boolean b ? b : parseBoolean(value.toString().trim());
                case DateTime -> OffsetDateTime.ofInstant(value instanceof Instant i ? i : parseInstant(value.toString().trim()), ZoneOffset.UTC);
                case Uniqueidentifier, Lookup, Customer, Owner, File, Image -> value instanceof UUID u ? u
                        : value instanceof EntityReference r ? r.id() : UUID.fromString(stripBraces(value.toString().trim()));
                case MultiSelectPicklist -> value.toString();
            };
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException ex) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The value '" + value + "' is not valid for the "
                    + a.type() + " attribute '" + a.logicalName() + "' of '" + e.logicalName() + "'.");
        }
    }

    private static Boolean parseBoolean(String s) {
        if (s.equals("1") || s.equalsIgnoreCase("true")) return true;
        if (s.equals("0") || s.equalsIgnoreCase("false")) return false;
        throw new IllegalArgumentException(s);
    }

    private static Instant parseInstant(String s) {
        if (s.length() == 10) return java.time.LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$")) return OffsetDateTime.parse(s).toInstant();
        return java.time.LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    }

    private static String stripBraces(String s) {
        return s.startsWith("{") && s.endsWith("}") ? s.substring(1, s.length() - 1) : s;
    }

    private static Object nullable(ResultSet rs, Object v) throws SQLException { return rs.wasNull() ? null : v; }

    private static <T> T expect(EntityMetadata e, AttributeMetadata a, Object value, Class<T> type) {
        if (type.isInstance(value)) return type.cast(value);
        throw new FaultException(ErrorCodes.InvalidArgument, "Incorrect type of attribute value: the '" + a.logicalName()
                + "' attribute of '" + e.logicalName() + "' is of type " + a.type() + " and takes "
                + type.getSimpleName() + " values, but " + value.getClass().getSimpleName() + " was given.");
    }

    private static BigDecimal decimal(EntityMetadata e, AttributeMetadata a, Object value) {
        if (value instanceof Integer i) return BigDecimal.valueOf(i);
        BigDecimal d = expect(e, a, value, BigDecimal.class);
        if (d.scale() > a.precision()) d = d.setScale(a.precision(), java.math.RoundingMode.HALF_EVEN);
        return d;
    }

    private static String checkLength(EntityMetadata e, AttributeMetadata a, String s) {
        if (a.maxLength() > 0 && s.length() > a.maxLength()) {
            throw new FaultException(ErrorCodes.Validation, "A validation error occurred. The length of the '"
                    + a.logicalName() + "' attribute of the '" + e.logicalName()
                    + "' entity exceeded the maximum allowed length of '" + a.maxLength() + "'.");
        }
        return s;
    }

    private static <N extends Number> N checkRange(EntityMetadata e, AttributeMetadata a, N n) {
        double v = n.doubleValue();
        if ((a.minValue() != null && v < a.minValue()) || (a.maxValue() != null && v > a.maxValue())) {
            throw new FaultException(ErrorCodes.Validation, "A validation error occurred. The value " + n + " of '"
                    + a.logicalName() + "' on record of type '" + e.logicalName() + "' is outside the valid range. Accepted Values: "
                    + plain(a.minValue()) + " to " + plain(a.maxValue()) + ".");
        }
        return n;
    }

    private static String plain(Double d) { return d == null ? "" : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString(); }

    private static int checkOption(EntityMetadata e, AttributeMetadata a, int value) {
        if (!a.hasOption(value)) {
            throw new FaultException(ErrorCodes.Validation, "A validation error occurred. The value " + value + " of '"
                    + a.logicalName() + "' on record of type '" + e.logicalName() + "' is outside the valid range. Accepted Values: "
                    + String.join(",", a.options().stream().map(o -> String.valueOf(o.value())).toList()) + ".");
        }
        return value;
    }

    private static String multiSelect(EntityMetadata e, AttributeMetadata a, OptionSetValueCollection values) {
        List<String> parts = new ArrayList<>();
        for (OptionSetValue v : values.values()) parts.add(String.valueOf(checkOption(e, a, v.value())));
        return parts.isEmpty() ? null : String.join(",", parts);
    }

    private static OptionSetValueCollection parseMultiSelect(String s) {
        if (s == null || s.isEmpty()) return null;
        List<OptionSetValue> values = new ArrayList<>();
        for (String p : s.split(",")) values.add(new OptionSetValue(java.lang.Integer.parseInt(p.trim())));
        return new OptionSetValueCollection(values);
    }
}
