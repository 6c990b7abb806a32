package org.xrm4j.server.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OptionMetadata;

/**
 * What Merge needs to know about each table it supports, which the platform fixes to account, contact, lead and
 * incident: the lookups that make a record's parent (compared when PerformParentingChecks is set), the state a
 * merged subordinate ends in, and whether UpdateContent applies (the platform ignores it for incident).
 *
 * <p>The subordinate's status is the state's default, except where the table has a status of its own for merged
 * records (incident 2000 "Merged"): it is used when the organization's metadata still offers it in that state.
 */
record MergeTable(String entity, List<String> parentLookups, int inactiveState, int mergedStatus, boolean takesUpdateContent) {
    private static final Map<String, MergeTable> TABLES = Map.of(
            "account", new MergeTable("account", List.of("parentaccountid"), 1, -1, true),
            "contact", new MergeTable("contact", List.of("parentcustomerid"), 1, -1, true),
            "lead", new MergeTable("lead", List.of("parentaccountid", "parentcontactid"), 2, -1, true),
            "incident", new MergeTable("incident", List.of("customerid"), 2, 2000, false));

    /** The table's rules, or the fault the platform answers for any other table. */
    static MergeTable of(String entity) {
        MergeTable t = TABLES.get(entity);
        if (t == null) {
            throw new FaultException(ErrorCodes.SdkEntityDoesNotSupportMessage, "This type: " + entity
                    + " is not supported with merge operation. Merge supports account, contact, lead and incident.");
        }
        return t;
    }

    /** The parent lookups this organization's table actually has (a customized table may lack one). */
    List<String> parentLookups(EntityMetadata e) {
        List<String> present = new ArrayList<>();
        for (String name : parentLookups) if (e.has(name)) present.add(name);
        return present;
    }

    /** The columns the checks read from master and subordinate. */
    List<String> checkedColumns(EntityMetadata e) {
        List<String> columns = new ArrayList<>(parentLookups(e));
        columns.add("statecode");
        if (e.has("ownerid")) columns.add("ownerid");
        return columns;
    }

    /** The subordinate's new status, or {@code null} to let the state's default apply. */
    OptionSetValue subordinateStatus(EntityMetadata e) {
        if (mergedStatus < 0) return null;
        AttributeMetadata status = e.attribute("statuscode");
        OptionMetadata merged = status == null ? null : status.option(mergedStatus);
        return merged != null && merged.state() == inactiveState ? new OptionSetValue(mergedStatus) : null;
    }
}
