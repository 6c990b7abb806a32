package org.xrm4j.sdk.json;

import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;

/**
 * A decoding problem on its way up the tree. Each level that catches it adds its property name or array index, so
 * the fault names where the problem is ({@code Parameters.Requests[3].Parameters.Target}) without the happy path
 * paying for path bookkeeping. {@link SdkJson} turns it into an InvalidArgument fault at the public boundary.
 */
final class JsonDecodeException extends RuntimeException {
    private final String problem;
    private final String hint;
    private String path = "";

    /**
     * @param problem what is wrong, without a trailing period; the path is appended to it
     * @param hint    what to send instead, or {@code null}
     */
    JsonDecodeException(String problem, String hint) {
        super(problem, null, false, false);
        this.problem = problem;
        this.hint = hint;
    }

    JsonDecodeException(String problem) { this(problem, null); }

    /** Records that the problem sits under the property {@code name}. */
    JsonDecodeException at(String name) {
        path = path.isEmpty() || path.charAt(0) == '[' ? name + path : name + "." + path;
        return this;
    }

    /** Records that the problem sits under the array element {@code index}. */
    JsonDecodeException at(int index) {
        String element = "[" + index + "]";
        path = path.isEmpty() || path.charAt(0) == '[' ? element + path : element + "." + path;
        return this;
    }

    String path() { return path; }

    @Override public String getMessage() {
        StringBuilder m = new StringBuilder(problem);
        if (!path.isEmpty()) m.append(" at ").append(path);
        m.append('.');
        if (hint != null) m.append(' ').append(hint);
        return m.toString();
    }

    FaultException toFault() { return new FaultException(ErrorCodes.InvalidArgument, getMessage()); }
}
