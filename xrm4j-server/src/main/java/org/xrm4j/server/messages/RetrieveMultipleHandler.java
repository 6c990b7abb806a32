package org.xrm4j.server.messages;

import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.RetrieveMultipleRequest;
import org.xrm4j.sdk.messages.RetrieveMultipleResponse;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.FetchExpression;
import org.xrm4j.sdk.query.QueryBase;
import org.xrm4j.sdk.query.QueryByAttribute;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.engine.Records;
import org.xrm4j.server.query.FetchXmlParser;

/** RetrieveMultiple: every query kind becomes a QueryExpression and runs through the one planner. */
public final class RetrieveMultipleHandler implements MessageHandler {
    @Override public String messageName() { return RetrieveMultipleRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        QueryBase query = Arguments.required(request, "Query", ((RetrieveMultipleRequest) request).query());
        return new RetrieveMultipleResponse().entityCollection(Records.query(ctx, toQueryExpression(query)));
    }

    static QueryExpression toQueryExpression(QueryBase query) {
        return switch (query) {
            case QueryExpression q -> q;
            case FetchExpression f -> FetchXmlParser.parse(f.query());
            case QueryByAttribute b -> byAttribute(b);
        };
    }

    private static QueryExpression byAttribute(QueryByAttribute b) {
        if (b.attributes().size() != b.values().size()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "QueryByAttribute needs as many Values as Attributes.");
        }
        QueryExpression q = new QueryExpression(b.entityName()).columnSet(b.columnSet()).topCount(b.topCount()).pageInfo(b.pageInfo());
        for (int i = 0; i < b.attributes().size(); i++) {
            Object v = b.values().get(i);
            if (v == null) {
                q.criteria().addCondition(b.attributes().get(i), ConditionOperator.Null);
            } else {
                q.criteria().addCondition(b.attributes().get(i), ConditionOperator.Equal, v);
            }
        }
        q.orders().addAll(b.orders());
        return q;
    }
}
