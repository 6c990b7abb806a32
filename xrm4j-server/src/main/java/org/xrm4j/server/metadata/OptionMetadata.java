package org.xrm4j.server.metadata;

/**
 * One option of a choice column. For a Status option, {@code state} is the statecode it belongs to; for a State
 * option, {@code defaultStatus} is the statuscode a record gets when it enters that state. Both are -1 otherwise.
 */
public record OptionMetadata(int value, String label, int state, int defaultStatus) {
    public static OptionMetadata of(int value, String label) { return new OptionMetadata(value, label, -1, -1); }
}
