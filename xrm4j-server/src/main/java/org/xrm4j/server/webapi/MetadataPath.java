package org.xrm4j.server.webapi;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;

/**
 * A metadata resource path: a definition set ({@code EntityDefinitions}, {@code RelationshipDefinitions},
 * {@code GlobalOptionSetDefinitions}), optionally one definition by key ({@code (LogicalName='account')},
 * {@code (SchemaName='x')}, {@code (Name='x')} or {@code (<MetadataId>)}), optionally a navigation of a table
 * ({@code Attributes}, with its own optional key, or a relationship collection), optionally a cast to a derived type
 * ({@code /Microsoft.Dynamics.CRM.StringAttributeMetadata}).
 */
record MetadataPath(String set, Key key, String navigation, Key navigationKey, String cast) {
    private static final Pattern PATH = Pattern.compile("^(EntityDefinitions|RelationshipDefinitions|GlobalOptionSetDefinitions)"
            + "(?:\\(([^)]*)\\))?(?:/(Attributes|ManyToOneRelationships|OneToManyRelationships|ManyToManyRelationships|Keys)(?:\\(([^)]*)\\))?)?"
            + "(?:/Microsoft\\.Dynamics\\.CRM\\.([A-Za-z]+))?/?$");
    private static final Pattern NAMED = Pattern.compile("^\\s*([A-Za-z]+)\\s*=\\s*'([^']*)'\\s*$");

    /** A key: a MetadataId, or a name property and its value. */
    record Key(UUID id, String property, String name) {
        boolean matches(UUID metadataId, String value) { return id != null ? id.equals(metadataId) : name.equalsIgnoreCase(value); }

        @Override public String toString() { return id != null ? id.toString() : property + "='" + name + "'"; }
    }

    /** Whether {@code path} names a metadata resource at all (then {@link #parse} either understands it or faults). */
    static boolean names(String path) {
        return path.startsWith("EntityDefinitions") || path.startsWith("RelationshipDefinitions") || path.startsWith("GlobalOptionSetDefinitions");
    }

    static MetadataPath parse(String path) {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            String segment = path.contains("/") ? path.substring(path.lastIndexOf('/') + 1) : path;
            throw ResourcePath.notFound(segment);
        }
        return new MetadataPath(m.group(1), key(m.group(2)), m.group(3), key(m.group(4)), m.group(5));
    }

    private static Key key(String text) {
        if (text == null) return null;
        String t = text.trim();
        if (t.startsWith("{") && t.endsWith("}")) t = t.substring(1, t.length() - 1);
        Matcher named = NAMED.matcher(t);
        if (named.matches()) return new Key(null, named.group(1), named.group(2));
        try {
            return new Key(UUID.fromString(t), null, null);
        } catch (IllegalArgumentException e) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The key '" + text + "' is neither a MetadataId nor a name such as LogicalName='account'.");
        }
    }
}
