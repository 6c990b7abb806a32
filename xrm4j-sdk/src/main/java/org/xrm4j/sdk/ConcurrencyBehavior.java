package org.xrm4j.sdk;

/**
 * How Update and Delete treat a record that changed since the caller read it, as the SDK's
 * {@code ConcurrencyBehavior}: {@code IfRowVersionMatches} writes only when the record's version still equals the
 * target's RowVersion (otherwise the fault ConcurrencyVersionMismatch), {@code Default} and {@code AlwaysOverwrite}
 * write regardless.
 */
public enum ConcurrencyBehavior {
    Default, IfRowVersionMatches, AlwaysOverwrite;

    /**
     * The behaviour a request parameter names: the enum itself, its name (how the protocol carries it) or its
     * number as in the SDK (0, 1, 2). {@code null} is Default.
     */
    public static ConcurrencyBehavior of(Object parameter) {
        return switch (parameter) {
            case null -> Default;
            case ConcurrencyBehavior b -> b;
            case Integer i when i >= 0 && i < values().length -> values()[i];
            case String s -> {
                for (ConcurrencyBehavior b : values()) if (b.name().equalsIgnoreCase(s.trim())) yield b;
                throw new FaultException(ErrorCodes.InvalidArgument, "ConcurrencyBehavior '" + s
                        + "' is not one of Default, IfRowVersionMatches, AlwaysOverwrite.");
            }
            default -> throw new FaultException(ErrorCodes.InvalidArgument, "ConcurrencyBehavior '" + parameter
                    + "' is not one of Default, IfRowVersionMatches, AlwaysOverwrite.");
        };
    }
}
