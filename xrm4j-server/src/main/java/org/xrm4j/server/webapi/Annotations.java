package org.xrm4j.server.webapi;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.Money;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OptionSetValueCollection;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OptionMetadata;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code Prefer: odata.include-annotations="…"}: the instance annotations a client asked for on the records it reads,
 * as Dataverse writes them: {@code x@OData.Community.Display.V1.FormattedValue} (the label a person sees: a choice's
 * label, Yes/No, money as {@code $1,000.50}, numbers with group separators, date-times as {@code 3/1/2024 10:20 AM}
 * in UTC, a lookup's record name), and on lookups {@code _x_value@Microsoft.Dynamics.CRM.lookuplogicalname} and
 * {@code …associatednavigationproperty}. The request names annotations exactly, with {@code *}, or with a namespace
 * wildcard such as {@code Microsoft.Dynamics.CRM.*}; several are separated by commas. The labels of choices and
 * booleans are the engine's FormattedValues, so both surfaces show the same text.
 */
final class Annotations {
    static final String FORMATTED_VALUE = "OData.Community.Display.V1.FormattedValue";
    static final String LOOKUP_LOGICAL_NAME = "Microsoft.Dynamics.CRM.lookuplogicalname";
    static final String NAVIGATION_PROPERTY = "Microsoft.Dynamics.CRM.associatednavigationproperty";
    static final Annotations NONE = new Annotations(null, List.of());

    private static final Pattern PREFERENCE = Pattern.compile("odata\\.include-annotations\\s*=\\s*(\"[^\"]*\"|[^,;\\s]+)",
            Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("M/d/yyyy h:mm a", Locale.US).withZone(ZoneOffset.UTC);

    private final String requested;
    private final List<String> patterns;

    private Annotations(String requested, List<String> patterns) {
        this.requested = requested;
        this.patterns = patterns;
    }

    /** The annotations a request's {@code Prefer} header asks for; {@link #NONE} without the preference. */
    static Annotations of(WebApiRequest request) {
        String prefer = request.header("Prefer");
        if (prefer == null) return NONE;
        Matcher m = PREFERENCE.matcher(prefer);
        if (!m.find()) return NONE;
        String value = m.group(1);
        String list = value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
        List<String> patterns = new ArrayList<>();
        for (String p : list.split(",")) if (!p.isBlank()) patterns.add(p.trim());
        return new Annotations("odata.include-annotations=\"" + String.join(",", patterns) + "\"", patterns);
    }

    boolean any() { return !patterns.isEmpty(); }

    boolean wants(String annotation) {
        // An exclusion such as -Microsoft.Dynamics.CRM.lookuplogicalname narrows a wildcard.
        if (patterns.contains("-" + annotation)) return false;
        for (String p : patterns) {
            if (p.equals("*") || p.equals(annotation)) return true;
            if (p.endsWith(".*") && !p.startsWith("-") && annotation.startsWith(p.substring(0, p.length() - 1))) return true;
        }
        return false;
    }

    /** The answer with {@code Preference-Applied} naming the annotations, beside any preference already applied. */
    WebApiResponse applied(WebApiResponse answer) {
        return requested == null ? answer : answer.applied(requested);
    }

    /** A record in its JSON form with the annotations asked for. */
    ObjectNode render(NavigationProperties navigations, EntityMetadata e, Entity record, List<String> columns) {
        ObjectNode o = RecordRenderer.render(e, record, columns);
        if (any()) annotate(o, navigations, e, record, columns);
        return o;
    }

    private void annotate(ObjectNode o, NavigationProperties navigations, EntityMetadata e, Entity record, List<String> columns) {
        for (String column : columns) {
            AttributeMetadata a = e.attribute(column);
            Object value = record.get(column);
            if (a == null || value == null) continue;
            String name = RecordRenderer.jsonName(a);
            if (wants(FORMATTED_VALUE)) {
                String formatted = formatted(a, value, record.formattedValues().get(column));
                if (formatted != null) o.put(name + "@" + FORMATTED_VALUE, formatted);
            }
            if (value instanceof EntityReference r) {
                if (wants(NAVIGATION_PROPERTY)) {
                    NavigationProperties.Navigation n = navigations.forLookup(e.logicalName(), a.logicalName(), r.logicalName());
                    if (n != null) o.put(name + "@" + NAVIGATION_PROPERTY, n.name());
                }
                if (wants(LOOKUP_LOGICAL_NAME)) o.put(name + "@" + LOOKUP_LOGICAL_NAME, r.logicalName());
            }
        }
    }

    /** The text a person sees for a value; {@code fromEngine} is the engine's FormattedValue for it, if any. */
    static String formatted(AttributeMetadata a, Object value, String fromEngine) {
        if (fromEngine != null) return fromEngine;
        return switch (value) {
            case EntityReference r -> r.name();
            case OptionSetValue v -> label(a, v.value());
            case OptionSetValueCollection c -> String.join("; ", c.values().stream().map(v -> {
                String label = label(a, v.value());
                return label == null ? String.valueOf(v.value()) : label;
            }).toList());
            case Boolean b -> b ? "Yes" : "No";
            case Money m -> currency(m.value(), a.precision());
            case Integer i -> NumberFormat.getIntegerInstance(Locale.US).format(i);
            case Long l -> NumberFormat.getIntegerInstance(Locale.US).format(l);
            case BigDecimal d -> number(d, a.precision());
            case Double d -> number(BigDecimal.valueOf(d), a.precision());
            case Instant t -> DATE_TIME.format(t);
            default -> null;
        };
    }

    private static String label(AttributeMetadata a, int value) {
        OptionMetadata option = a.option(value);
        return option == null ? null : option.label();
    }

    private static String currency(BigDecimal value, int precision) {
        NumberFormat f = NumberFormat.getCurrencyInstance(Locale.US);
        int digits = precision > 0 ? precision : 2;
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(value);
    }

    private static String number(BigDecimal value, int precision) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.US);
        f.setMinimumFractionDigits(Math.max(precision, 0));
        f.setMaximumFractionDigits(Math.max(precision, 0));
        return f.format(value);
    }
}
