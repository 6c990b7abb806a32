package org.xrm4j.server.messages;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.Money;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.server.engine.CustomMessages;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.engine.UnitOfWork;
import org.xrm4j.server.store.Database;

/**
 * Custom APIs: a request whose name is a {@code customapi}'s unique name is checked against the definition's request
 * parameters (every required one present, every value of its declared type, nothing undeclared; a bound API's
 * {@code Target} a reference to its table) before any step runs, and then served by {@link CustomApiHandler}.
 *
 * <p>Values arrive typed over the SDK protocol; over the Web API they arrive as JSON, which has no Guid, date, decimal
 * or choice: a string is converted to a declared Guid or DateTime, a number to a declared Decimal, Float, Money or
 * Picklist. A value that cannot be converted faults like any other mismatch.
 */
public final class CustomApis implements CustomMessages {
    private static final String[] TYPES = {"Boolean", "DateTime", "Decimal", "Entity", "EntityCollection", "EntityReference",
            "Float", "Integer", "Money", "Picklist", "String", "StringArray", "Guid"};

    private final Database database;

    public CustomApis(Database database) { this.database = database; }

    @Override public MessageHandler resolve(ExecutionContext context, OrganizationRequest request) {
        CustomApiDefinition api = definition(context, request.requestName());
        if (api == null) return null;
        check(api, request);
        return new CustomApiHandler(api);
    }

    private CustomApiDefinition definition(ExecutionContext context, String name) {
        // An organization provisioned before custom APIs existed has no table to define one in.
        if (!context.metadata().hasEntity("customapi")) return null;
        if (context.inTransaction()) return CustomApiDefinition.find(context, name);
        try (UnitOfWork uow = UnitOfWork.begin(database)) {
            return CustomApiDefinition.find(context.inUnitOfWork(uow), name);
        }
    }

    static void check(CustomApiDefinition api, OrganizationRequest request) {
        java.util.Set<String> declared = new java.util.HashSet<>();
        if (api.bound()) {
            declared.add("Target");
            if (!(request.get("Target") instanceof EntityReference target) || !target.logicalName().equals(api.boundEntityLogicalName())) {
                throw new FaultException(ErrorCodes.InvalidArgument, api.uniqueName() + " is bound to the " + api.boundEntityLogicalName()
                        + " table: its Target must be an EntityReference to a " + api.boundEntityLogicalName() + " record.");
            }
        }
        for (CustomApiDefinition.Parameter p : api.requestParameters()) {
            declared.add(p.uniqueName());
            Object value = request.get(p.uniqueName());
            if (value == null) {
                if (p.optional()) continue;
                throw new FaultException(ErrorCodes.RequiredFieldMissing, "The request " + api.uniqueName() + " needs its required parameter "
                        + p.uniqueName() + " (" + TYPES[p.type()] + ").");
            }
            Object typed = typed(p.type(), value);
            if (typed == null) {
                throw new FaultException(ErrorCodes.InvalidArgument, "The parameter " + p.uniqueName() + " of " + api.uniqueName()
                        + " is a " + TYPES[p.type()] + ", not a " + value.getClass().getSimpleName() + " (" + value + ").");
            }
            request.set(p.uniqueName(), typed);
        }
        for (String name : request.parameters().keySet()) {
            if (!declared.contains(name)) {
                throw new FaultException(ErrorCodes.InvalidArgument, "The request " + api.uniqueName() + " has no parameter " + name
                        + ". Its parameters: " + declared + ".");
            }
        }
    }

    /** The value as the declared type, converted from its JSON form where one exists; null when it is not of that type. */
    private static Object typed(int type, Object v) {
        return switch (type) {
            case 0 -> v instanceof Boolean ? v : null;
            case 1 -> v instanceof Instant ? v : v instanceof String s ? instant(s) : null;
            case 2 -> v instanceof BigDecimal ? v : v instanceof Integer || v instanceof Long ? new BigDecimal(v.toString()) : null;
            case 3 -> v instanceof Entity ? v : null;
            case 4 -> v instanceof EntityCollection ? v : null;
            case 5 -> v instanceof EntityReference ? v : null;
            case 6 -> v instanceof Double ? v : v instanceof Number n && !(v instanceof Long) ? n.doubleValue() : null;
            case 7 -> v instanceof Integer ? v : null;
            case 8 -> v instanceof Money ? v : v instanceof BigDecimal d ? new Money(d)
                    : v instanceof Integer i ? new Money(BigDecimal.valueOf(i)) : null;
            case 9 -> v instanceof OptionSetValue ? v : v instanceof Integer i ? new OptionSetValue(i) : null;
            case 10 -> v instanceof String ? v : null;
            case 11 -> v instanceof String[] a ? a : v instanceof List<?> l && l.stream().allMatch(String.class::isInstance)
                    ? l.toArray(String[]::new) : null;
            case 12 -> v instanceof UUID ? v : v instanceof String s ? uuid(s) : null;
            default -> null;
        };
    }

    private static Instant instant(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static UUID uuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
