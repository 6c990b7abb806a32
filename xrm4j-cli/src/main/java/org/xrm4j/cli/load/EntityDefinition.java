package org.xrm4j.cli.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.OrganizationService;
import org.xrm4j.sdk.messages.RetrieveEntityRequest;
import org.xrm4j.sdk.messages.RetrieveEntityResponse;

/** A table as RetrieveEntity describes it: the names the loader needs and each column's type, targets and options. */
public record EntityDefinition(String logicalName, String primaryIdAttribute, Map<String, Column> columns) {

    /** One column; {@code options} are the choice values in definition order. */
    public record Column(String logicalName, String type, List<String> targets, List<Option> options) {}

    public record Option(int value, String label) {}

    public EntityDefinition {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    public static EntityDefinition retrieve(OrganizationService service, String entity) {
        var answer = (RetrieveEntityResponse) service.execute(new RetrieveEntityRequest(entity));
        return of(answer.entityMetadata());
    }

    /** Reads the protocol's "entitymetadata" Entity. */
    public static EntityDefinition of(Entity metadata) {
        Map<String, Column> columns = new LinkedHashMap<>();
        for (Entity a : ((EntityCollection) metadata.get("Attributes")).entities()) {
            String name = (String) a.get("LogicalName");
            String targets = (String) a.get("Targets");
            columns.put(name, new Column(name, (String) a.get("AttributeType"),
                    targets == null || targets.isEmpty() ? List.of() : Arrays.asList(targets.split(",")),
                    options((String) a.get("Options"))));
        }
        return new EntityDefinition((String) metadata.get("LogicalName"), (String) metadata.get("PrimaryIdAttribute"), columns);
    }

    /**
     * Parses "1:Accounting,2:Agriculture". A label may itself hold a comma, so a comma only separates options when
     * a {@code number:} follows it.
     */
    static List<Option> options(String text) {
        if (text == null || text.isEmpty()) return List.of();
        List<Option> options = new ArrayList<>();
        for (String pair : text.split(",(?=-?\\d+:)")) {
            int colon = pair.indexOf(':');
            options.add(new Option(Integer.parseInt(pair.substring(0, colon)), pair.substring(colon + 1)));
        }
        return options;
    }
}
