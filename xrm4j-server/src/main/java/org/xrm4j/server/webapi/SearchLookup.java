package org.xrm4j.server.webapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.FilterExpression;
import org.xrm4j.sdk.query.LogicalOperator;
import org.xrm4j.sdk.query.OrderType;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.webapi.SearchSyntax.Node;
import org.xrm4j.server.webapi.SearchSyntax.Phrase;
import org.xrm4j.server.webapi.SearchSyntax.Term;
import org.xrm4j.server.webapi.SearchSyntax.Word;

/**
 * Finds the records a search matches. Each table is read with one RetrieveMultiple as the caller, through the engine,
 * so the caller sees only what the engine lets them read (a table the engine refuses to them is left out); the query
 * asks the database for the records whose searched columns contain one of the search's words (case-insensitive), and
 * the search's exact rules (whole words, prefixes, phrases, and, or, not) are then applied here. At most
 * {@value #CANDIDATES_PER_TABLE} records of a table, the most recently modified first, are considered.
 *
 * <p>Relevance: each match of a search term or phrase counts 3 in the table's primary name column and 1 in any other
 * column; ties go to the record modified last.
 */
final class SearchLookup {
    static final int CANDIDATES_PER_TABLE = QueryTranslator.MAX_PAGE_SIZE;
    static final int PRIMARY_NAME_WEIGHT = 3;
    static final String HIT = "{crmhit}";
    static final String END_HIT = "{/crmhit}";

    /** A matched record: its table, its columns, its relevance and each matched column's text with the hits marked. */
    record Hit(SearchScope.Table table, Entity record, double score, Map<String, String> highlights) {}

    private SearchLookup() {}

    /**
     * The records of the tables that match {@code node}; {@code extraColumns} are read too where the table has them
     * (to order or facet by); {@code partial} marks only the typed start of a prefix match (as suggestions do).
     */
    static List<Hit> find(OrganizationMetadata metadata, List<SearchScope.Table> tables, Node node, Set<String> extraColumns,
                          boolean partial, Function<QueryExpression, EntityCollection> reader) {
        List<Node> positives = new ArrayList<>();
        node.positives(positives);
        List<Hit> out = new ArrayList<>();
        for (SearchScope.Table t : tables) {
            EntityCollection rows;
            try {
                rows = reader.apply(query(metadata, t, node, positives, extraColumns));
            } catch (FaultException e) {
                // The engine decides what a caller may read: a table it refuses is one the caller cannot search.
                if (e.errorCode() == ErrorCodes.PrivilegeDenied.code()) continue;
                throw e;
            }
            for (Entity r : rows.entities()) {
                List<List<Word>> words = new ArrayList<>();
                for (String c : t.searchColumns()) words.add(r.get(c) instanceof String s ? SearchSyntax.words(s) : List.of());
                if (!node.matches(words)) continue;
                double score = 0;
                Map<String, String> highlights = new LinkedHashMap<>();
                for (int i = 0; i < words.size(); i++) {
                    String column = t.searchColumns().get(i);
                    int[] marks = new int[words.get(i).size()];
                    int hits = mark(positives, words.get(i), marks, partial);
                    if (hits == 0) continue;
                    score += hits * (column.equals(t.entity().primaryNameAttribute()) ? PRIMARY_NAME_WEIGHT : 1);
                    highlights.put(column, highlight((String) r.get(column), words.get(i), marks));
                }
                out.add(new Hit(t, r, score, highlights));
            }
        }
        return out;
    }

    private static QueryExpression query(OrganizationMetadata metadata, SearchScope.Table t, Node node, List<Node> positives,
                                         Set<String> extraColumns) {
        Set<String> columns = new LinkedHashSet<>(t.searchColumns());
        columns.addAll(t.selectColumns());
        for (String c : List.of("ownerid", "createdon", "modifiedon")) if (t.entity().has(c)) columns.add(c);
        for (String c : extraColumns) if (t.entity().has(c)) columns.add(c);
        QueryExpression q = new QueryExpression(t.entity().logicalName()).columnSet(new ColumnSet(false, new ArrayList<>(columns)));
        FilterExpression criteria = new FilterExpression();
        if (!t.filter().isEmpty()) criteria.addFilter(t.filter());
        if (node.needsPositive()) {
            FilterExpression any = new FilterExpression(LogicalOperator.Or);
            for (Node p : positives) {
                List<String> words = p instanceof Term term ? List.of(term.word()) : ((Phrase) p).words();
                for (String w : words) for (String c : t.searchColumns()) any.addCondition(c, ConditionOperator.Like, "%" + escape(w) + "%");
            }
            criteria.addFilter(any);
        }
        q.criteria(criteria);
        NavigationFilters.apply(metadata, t.entity(), q);
        if (t.entity().has("modifiedon")) q.addOrder("modifiedon", OrderType.Descending);
        q.topCount(CANDIDATES_PER_TABLE);
        return q;
    }

    /** Marks in {@code marks} how many characters of each word a positive term hits (0: none); answers the hit count. */
    private static int mark(List<Node> positives, List<Word> words, int[] marks, boolean partial) {
        int hits = 0;
        for (Node p : positives) {
            if (p instanceof Term t) {
                for (int i = 0; i < words.size(); i++) {
                    if (!t.hit(words.get(i))) continue;
                    hits++;
                    int length = partial && t.prefix() ? t.word().length() : words.get(i).end() - words.get(i).start();
                    marks[i] = Math.max(marks[i], length);
                }
            } else if (p instanceof Phrase ph) {
                for (int start : ph.starts(words)) {
                    hits++;
                    for (int j = 0; j < ph.words().size(); j++) {
                        Word w = words.get(start + j);
                        boolean last = j == ph.words().size() - 1;
                        int length = partial && last && ph.prefix() ? ph.words().get(j).length() : w.end() - w.start();
                        marks[start + j] = Math.max(marks[start + j], length);
                    }
                }
            }
        }
        return hits;
    }

    /** The text with each hit wrapped in {@code {crmhit}…{/crmhit}}, as Dataverse marks highlights. */
    private static String highlight(String text, List<Word> words, int[] marks) {
        StringBuilder b = new StringBuilder();
        int at = 0;
        for (int i = 0; i < words.size(); i++) {
            if (marks[i] == 0) continue;
            Word w = words.get(i);
            b.append(text, at, w.start()).append(HIT).append(text, w.start(), w.start() + marks[i]).append(END_HIT);
            at = w.start() + marks[i];
        }
        return b.append(text.substring(at)).toString();
    }

    /** A literal for a Like pattern: its wildcard characters stand for themselves. */
    private static String escape(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace("[", "\\[");
    }
}
