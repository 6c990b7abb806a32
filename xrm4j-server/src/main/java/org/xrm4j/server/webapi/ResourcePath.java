package org.xrm4j.server.webapi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;

/**
 * The resource a Web API path names, relative to {@code /api/data/v9.x/}: a function such as {@code WhoAmI}, an entity
 * set, the count of a set ({@code accounts/$count}), or one record of a set by its key (an id or alternate key values,
 * read by {@link RecordKey} once the table is known). Anything else is answered as Dataverse does, with "Resource not
 * found for the segment".
 */
record ResourcePath(String function, String entitySet, String key, boolean count) {
    private static final Pattern FUNCTION = Pattern.compile("^(WhoAmI)(?:\\(\\))?$");
    private static final Pattern COUNT = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)/\\$count$");
    private static final Pattern RECORD = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)(?:\\((.*)\\))?$");

    static ResourcePath parse(String relative) {
        String path = relative.endsWith("/") ? relative.substring(0, relative.length() - 1) : relative;
        Matcher f = FUNCTION.matcher(path);
        if (f.matches()) return new ResourcePath(f.group(1), null, null, false);
        Matcher c = COUNT.matcher(path);
        if (c.matches()) return new ResourcePath(null, c.group(1), null, true);
        Matcher m = RECORD.matcher(path);
        if (!m.matches()) throw notFound(path.contains("/") ? path.substring(0, path.indexOf('/')) : path);
        if (m.group(2) == null) return new ResourcePath(null, m.group(1), null, false);
        return new ResourcePath(null, m.group(1), m.group(2), false);
    }

    boolean isRecord() { return key != null; }

    static FaultException notFound(String segment) {
        return new FaultException(ErrorCodes.ResourceNotFound, "Resource not found for the segment '" + segment + "'.");
    }
}
