package org.xrm4j.server.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.Records;

/**
 * A custom message as its {@code customapi}, {@code customapirequestparameter} and {@code customapiresponseproperty}
 * rows define it. Read for every call rather than cached, so a definition a customizer changes applies at once, on
 * every node.
 */
record CustomApiDefinition(UUID id, String uniqueName, int bindingType, String boundEntityLogicalName, boolean isFunction,
                           List<Parameter> requestParameters, List<Parameter> responseProperties) {
    static final int GLOBAL = 0;
    static final int ENTITY = 1;
    static final int ENTITY_COLLECTION = 2;

    /** A request parameter or response property: its name, its type (the platform's values, 0 Boolean … 12 Guid). */
    record Parameter(String uniqueName, int type, boolean optional, String logicalEntityName) {}

    /** The custom message named {@code uniqueName}, or null when none is defined. */
    static CustomApiDefinition find(ExecutionContext ctx, String uniqueName) {
        QueryExpression q = new QueryExpression("customapi").columnSet(new ColumnSet("uniquename", "bindingtype",
                "boundentitylogicalname", "isfunction"));
        q.criteria().addCondition("uniquename", ConditionOperator.Equal, uniqueName);
        q.topCount(1);
        List<Entity> found = Records.query(ctx, q).entities();
        if (found.isEmpty()) return null;
        Entity api = found.getFirst();
        return new CustomApiDefinition(api.id(), (String) api.get("uniquename"), option(api.get("bindingtype"), GLOBAL),
                (String) api.get("boundentitylogicalname"), Boolean.TRUE.equals(api.get("isfunction")),
                parameters(ctx, "customapirequestparameter", api.id()), parameters(ctx, "customapiresponseproperty", api.id()));
    }

    private static List<Parameter> parameters(ExecutionContext ctx, String table, UUID apiId) {
        boolean request = table.equals("customapirequestparameter");
        ColumnSet columns = request ? new ColumnSet("uniquename", "type", "isoptional", "logicalentityname")
                : new ColumnSet("uniquename", "type", "logicalentityname");
        QueryExpression q = new QueryExpression(table).columnSet(columns);
        q.criteria().addCondition("customapiid", ConditionOperator.Equal, apiId);
        q.addOrder("uniquename", org.xrm4j.sdk.query.OrderType.Ascending);
        List<Parameter> parameters = new ArrayList<>();
        for (Entity p : Records.query(ctx, q).entities()) {
            parameters.add(new Parameter((String) p.get("uniquename"), option(p.get("type"), 10),
                    Boolean.TRUE.equals(p.get("isoptional")), (String) p.get("logicalentityname")));
        }
        return parameters;
    }

    private static int option(Object value, int absent) {
        return value instanceof OptionSetValue o ? o.value() : absent;
    }

    boolean bound() { return bindingType == ENTITY; }
}
