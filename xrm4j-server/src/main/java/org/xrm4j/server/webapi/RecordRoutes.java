package org.xrm4j.server.webapi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;

/**
 * The resources below one record, {@code <set>(<key>)/<segment>[(<key>)][/$value|/$ref]}: a column
 * ({@link PropertyOperations}) or a navigation property: its related records ({@link NavigationReads}), its links
 * ({@code $ref}) and new related records ({@link ReferenceOperations}). Answers {@code null} for a path of another shape, for the other routes to try.
 */
final class RecordRoutes {
    private static final String KEY = "((?:'(?:[^']|'')*'|[^')])*)";
    private static final Pattern BELOW_RECORD = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\(" + KEY + "\\)/([A-Za-z_][A-Za-z0-9_]*)"
            + "(?:\\(" + KEY + "\\))?(/\\$value|/\\$ref|/\\$count|/%24value|/%24ref|/%24count)?/?$");

    private RecordRoutes() {}

    static Operation route(OrganizationMetadata metadata, RecordOperations records, WebApiRequest request, String base) {
        Matcher m = BELOW_RECORD.matcher(request.path());
        if (!m.matches()) return null;
        EntityMetadata e = metadata.entityBySetName(m.group(1));
        if (e == null) return null;
        String segment = m.group(3);
        String segmentKey = m.group(4);
        String suffix = m.group(5) == null ? "" : m.group(5).replace("%24", "$");
        String method = request.method();
        AttributeMetadata column = PropertyOperations.column(e, segment);
        if (column != null && segmentKey == null && !suffix.equals("/$ref") && !suffix.equals("/$count")) {
            RecordKey key = RecordKey.parse(e, m.group(2));
            if (column.type().isFile()) return new FileOperations(request, base).route(e, key, column, suffix.equals("/$value"));
            PropertyOperations property = new PropertyOperations(metadata, request, base);
            return switch (method) {
                case "GET" -> property.read(e, key, column, suffix.equals("/$value"));
                case "PUT" -> property.write(e, key, column);
                case "DELETE" -> property.clear(e, key, column);
                default -> throw notAllowed(method, request.path());
            };
        }
        NavigationProperties.Navigation nav = NavigationProperties.of(metadata).find(e.logicalName(), segment);
        if (nav == null) throw ResourcePath.notFound(segment);
        ReferenceOperations references = new ReferenceOperations(metadata, request);
        if (suffix.equals("/$ref")) {
            RecordKey key = RecordKey.parse(e, m.group(2));
            return switch (method) {
                case "POST" -> references.associate(e, key, nav);
                case "PUT" -> references.setReference(e, key, nav);
                case "DELETE" -> nav.collection() ? references.disassociate(e, key, nav, segmentKey) : references.clearReference(e, key, nav);
                default -> throw notAllowed(method, request.path());
            };
        }
        if (suffix.isEmpty() && segmentKey == null && method.equals("POST")) {
            return references.createRelated(records, e, RecordKey.parse(e, m.group(2)), nav);
        }
        if (method.equals("GET") && (suffix.isEmpty() || suffix.equals("/$count"))) {
            NavigationReads reads = new NavigationReads(metadata, records, request);
            RecordKey key = RecordKey.parse(e, m.group(2));
            if (suffix.equals("/$count")) {
                if (segmentKey != null) return null;
                return reads.count(e, key, nav);
            }
            return segmentKey == null ? reads.read(e, key, nav) : reads.related(e, key, nav, segmentKey);
        }
        return null;
    }

    private static FaultException notAllowed(String method, String path) {
        return new FaultException(ErrorCodes.NotSupported, "The HTTP method '" + method + "' is not allowed on '" + path + "'.");
    }
}
