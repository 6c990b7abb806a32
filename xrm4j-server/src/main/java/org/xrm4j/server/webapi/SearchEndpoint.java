package org.xrm4j.server.webapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.messages.RetrieveMultipleRequest;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.XrmEngine;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.webapi.SearchLookup.Hit;
import org.xrm4j.server.webapi.SearchSyntax.Node;
import org.xrm4j.server.webapi.SearchSyntax.Term;
import org.xrm4j.server.webapi.SearchSyntax.Word;
import tools.jackson.databind.JsonNode;

/**
 * Dataverse search: {@code POST [/{org}]/api/search/v1.0|v2.0/query|suggest|autocomplete} with a JSON body. The
 * records come from the engine (see {@link SearchLookup}), read as the caller with the Web API's authentication,
 * impersonation headers and service protection limits; there is no separate index, so a record is found as soon as
 * it is written. Errors are Web API errors ({@code {"error":{"code","message"}}}).
 */
public final class SearchEndpoint extends Handler.Abstract {
    private static final Pattern PATH = Pattern.compile("^(?:/([A-Za-z][A-Za-z0-9]{0,29}))?/api/search/v([12]\\.0)/([^/]+)/?$");

    private final XrmEngine engine;

    public SearchEndpoint(XrmEngine engine) { this.engine = engine; }

    @Override public boolean handle(Request request, Response response, Callback callback) {
        Matcher m = PATH.matcher(request.getHttpURI().getPath());
        if (!m.matches()) return false;
        WebApiExchange exchange = new WebApiExchange(request, response, callback);
        String org = m.group(1);
        exchange.serve(engine, org, token -> {
            SearchRequest.Kind kind = kind(m.group(3));
            if (!request.getMethod().equals("POST")) {
                throw new FaultException(ErrorCodes.NotSupported, "Dataverse search takes POST with a JSON body, not " + request.getMethod() + ".");
            }
            SearchRequest r = SearchRequest.parse(kind, m.group(2), exchange.body(engine.settings().maxRequestBytes()));
            UUID callerId = exchange.callerId(engine.deployment().organization(org));
            OrganizationMetadata metadata = engine.deployment().organization(org).metadata();
            Function<QueryExpression, EntityCollection> reader = q -> (EntityCollection) engine.execute(org, token, callerId,
                    new RetrieveMultipleRequest(q)).get("EntityCollection");
            JsonNode answer = switch (kind) {
                case query -> query(r, metadata, reader);
                case suggest -> suggest(r, metadata, reader);
                case autocomplete -> autocomplete(r, metadata, reader);
            };
            exchange.write(WebApiResponse.json(200, answer.toString()));
        });
        return true;
    }

    private static SearchRequest.Kind kind(String name) {
        for (SearchRequest.Kind k : SearchRequest.Kind.values()) if (k.name().equalsIgnoreCase(name)) return k;
        throw new FaultException(ErrorCodes.NotSupported, "'" + name + "' is not a search operation; use query, suggest or autocomplete.");
    }

    private static JsonNode query(SearchRequest r, OrganizationMetadata metadata, Function<QueryExpression, EntityCollection> reader) {
        Node node = SearchSyntax.parse(r.search(), r.matchAll(), r.full());
        Set<String> extra = new LinkedHashSet<>(SearchFacets.columns(r.facets()));
        for (String clause : r.orderBy()) extra.add(clause.trim().split("\\s+")[0]);
        List<Hit> hits = SearchLookup.find(metadata, SearchScope.tables(metadata, r), node, extra, false, reader);
        return SearchAnswers.query(r, SearchAnswers.order(hits, r.orderBy()), SearchFacets.of(r.facets(), hits));
    }

    /** Suggestions: records whose searched columns hold words starting with each word typed, as typing goes. */
    private static JsonNode suggest(SearchRequest r, OrganizationMetadata metadata, Function<QueryExpression, EntityCollection> reader) {
        List<Node> terms = new ArrayList<>();
        for (Word w : SearchSyntax.words(r.search())) terms.add(new Term(w.lower(), true));
        if (terms.isEmpty()) return SearchAnswers.suggest(r, List.of());
        Node node = terms.size() == 1 ? terms.getFirst() : new SearchSyntax.AllOf(terms);
        Set<String> extra = new LinkedHashSet<>();
        for (String clause : r.orderBy()) extra.add(clause.trim().split("\\s+")[0]);
        List<Hit> hits = SearchLookup.find(metadata, SearchScope.tables(metadata, r), node, extra, true, reader);
        return SearchAnswers.suggest(r, SearchAnswers.order(hits, r.orderBy()));
    }

    /**
     * Completes the last word typed with the word of the searched tables' primary names that starts with it in the
     * most records (the shorter one, then the first alphabetically, on a tie), marked as a hit after the words before it.
     */
    private static JsonNode autocomplete(SearchRequest r, OrganizationMetadata metadata, Function<QueryExpression, EntityCollection> reader) {
        String text = r.search();
        List<Word> words = SearchSyntax.words(text);
        if (words.isEmpty() || Character.isWhitespace(text.charAt(text.length() - 1))) return SearchAnswers.autocomplete(r, null);
        Word last = words.getLast();
        List<SearchScope.Table> tables = new ArrayList<>();
        for (SearchScope.Table t : SearchScope.tables(metadata, r)) {
            tables.add(new SearchScope.Table(t.entity(), List.of(t.entity().primaryNameAttribute()), t.selectColumns(), t.filter()));
        }
        Term term = new Term(last.lower(), true);
        Map<String, Integer> completions = new HashMap<>();
        for (Hit h : SearchLookup.find(metadata, tables, term, Set.of(), false, reader)) {
            String name = (String) h.record().get(h.table().entity().primaryNameAttribute());
            Set<String> seen = new LinkedHashSet<>();
            for (Word w : SearchSyntax.words(name)) if (term.hit(w)) seen.add(w.lower());
            for (String w : seen) completions.merge(w, 1, Integer::sum);
        }
        String best = completions.keySet().stream().min((a, b) -> {
            int byCount = Integer.compare(completions.get(b), completions.get(a));
            if (byCount != 0) return byCount;
            int byLength = Integer.compare(a.length(), b.length());
            return byLength != 0 ? byLength : a.compareTo(b);
        }).orElse(null);
        return SearchAnswers.autocomplete(r, best == null ? null
                : text.substring(0, last.start()) + SearchLookup.HIT + best + SearchLookup.END_HIT);
    }
}
