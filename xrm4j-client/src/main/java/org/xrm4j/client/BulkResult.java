package org.xrm4j.client;

import java.util.List;

/** The outcome of every request of a list, in the list's order, and the run's counts. */
public record BulkResult(List<BulkOutcome> outcomes, BulkSummary summary) {
    public BulkResult {
        outcomes = List.copyOf(outcomes);
    }

    /** The outcomes that did not succeed (faulted or not executed), in input order. */
    public List<BulkOutcome> failures() { return outcomes.stream().filter(o -> !o.succeeded()).toList(); }
}
