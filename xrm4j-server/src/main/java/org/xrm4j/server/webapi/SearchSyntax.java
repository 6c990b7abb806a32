package org.xrm4j.server.webapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;

/**
 * Dataverse search's simple query syntax, parsed into a tree that tests a record's text columns.
 *
 * <p>Text is compared word by word, case-insensitively, as a search index compares tokens: a word is a run of letters
 * and digits, so {@code maria} finds {@code maria@contoso.com} but {@code mar} does not find {@code Maria} unless
 * written {@code mar*} (a trailing wildcard). Terms are separated by whitespace and joined by the search mode's
 * operator (or for {@code any}, and for {@code all}); {@code +} joins with and, {@code |} with or, and binds looser
 * than and; {@code -} before a term negates it; parentheses group; {@code "…"} is a phrase (its words in order,
 * next to each other); a backslash escapes an operator character. A term that holds several words
 * ({@code 555-1234}) is a phrase of them. The full (Lucene) syntax adds {@code AND}, {@code OR}, {@code NOT},
 * {@code &&}, {@code ||} and {@code !}; its fuzzy, boosting, proximity and regular-expression forms are refused.
 */
final class SearchSyntax {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final String SPECIAL = "+|-()\"\\";

    /** A word of a column's text: where it is and its lower-case form. */
    record Word(int start, int end, String lower) {}

    /** The words of a text. */
    static List<Word> words(String text) {
        List<Word> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) out.add(new Word(m.start(), m.end(), m.group().toLowerCase(Locale.ROOT)));
        return out;
    }

    /** A node of the query; {@code hits} marks the words of one column it matches. */
    sealed interface Node permits Term, Phrase, Not, AllOf, AnyOf, Everything {
        /** Whether the record, given as its columns' words, satisfies the node. */
        boolean matches(List<List<Word>> columns);

        /** The terms and phrases that count when present (those not under a negation). */
        default void positives(List<Node> out) {}

        /** Whether no record without any positive term can match (so the database may be asked for those only). */
        boolean needsPositive();
    }

    /** One word, or the start of one with a trailing {@code *}. */
    record Term(String word, boolean prefix) implements Node {
        boolean hit(Word w) { return prefix ? w.lower().startsWith(word) : w.lower().equals(word); }

        @Override public boolean matches(List<List<Word>> columns) {
            for (List<Word> c : columns) for (Word w : c) if (hit(w)) return true;
            return false;
        }
        @Override public void positives(List<Node> out) { out.add(this); }
        @Override public boolean needsPositive() { return true; }
    }

    /** Words next to each other, in order; the last may be a prefix. */
    record Phrase(List<String> words, boolean prefix) implements Node {
        /** The index of the first word of each occurrence in the column. */
        List<Integer> starts(List<Word> column) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i + words.size() <= column.size(); i++) {
                boolean all = true;
                for (int j = 0; j < words.size() && all; j++) {
                    String w = column.get(i + j).lower();
                    boolean last = j == words.size() - 1;
                    all = last && prefix ? w.startsWith(words.get(j)) : w.equals(words.get(j));
                }
                if (all) out.add(i);
            }
            return out;
        }

        @Override public boolean matches(List<List<Word>> columns) {
            for (List<Word> c : columns) if (!starts(c).isEmpty()) return true;
            return false;
        }
        @Override public void positives(List<Node> out) { out.add(this); }
        @Override public boolean needsPositive() { return true; }
    }

    record Not(Node node) implements Node {
        @Override public boolean matches(List<List<Word>> columns) { return !node.matches(columns); }
        @Override public boolean needsPositive() { return false; }
    }

    record AllOf(List<Node> nodes) implements Node {
        @Override public boolean matches(List<List<Word>> columns) {
            for (Node n : nodes) if (!n.matches(columns)) return false;
            return true;
        }
        @Override public void positives(List<Node> out) { for (Node n : nodes) n.positives(out); }
        @Override public boolean needsPositive() { return nodes.stream().anyMatch(Node::needsPositive); }
    }

    record AnyOf(List<Node> nodes) implements Node {
        @Override public boolean matches(List<List<Word>> columns) {
            for (Node n : nodes) if (n.matches(columns)) return true;
            return false;
        }
        @Override public void positives(List<Node> out) { for (Node n : nodes) n.positives(out); }
        @Override public boolean needsPositive() { return nodes.stream().allMatch(Node::needsPositive); }
    }

    /** A lone {@code *}: every record. */
    record Everything() implements Node {
        @Override public boolean matches(List<List<Word>> columns) { return true; }
        @Override public boolean needsPositive() { return false; }
    }

    private enum Kind { WORD, PHRASE, AND, OR, NOT, OPEN, CLOSE }

    private record Token(Kind kind, String text) {}

    private final List<Token> tokens;
    private final boolean matchAll;
    private int at;

    private SearchSyntax(List<Token> tokens, boolean matchAll) {
        this.tokens = tokens;
        this.matchAll = matchAll;
    }

    /** Parses the search text; {@code matchAll} is search mode {@code all}, {@code full} the Lucene syntax. */
    static Node parse(String text, boolean matchAll, boolean full) {
        SearchSyntax p = new SearchSyntax(tokens(text, full), matchAll);
        Node n = p.sequence();
        if (p.at < p.tokens.size()) throw invalid(text, "an unmatched ')'");
        if (n == null) throw invalid(text, "no word to search for");
        return n;
    }

    private Node sequence() {
        List<List<Node>> groups = new ArrayList<>();
        List<Node> group = new ArrayList<>();
        groups.add(group);
        boolean first = true;
        while (at < tokens.size() && tokens.get(at).kind() != Kind.CLOSE) {
            Kind op = null;
            Kind k = tokens.get(at).kind();
            if (k == Kind.AND || k == Kind.OR) {
                op = k;
                at++;
            }
            Node n = unary();
            if (n == null) continue;
            if (!first) {
                boolean or = op == Kind.OR || (op == null && !matchAll);
                if (or) {
                    group = new ArrayList<>();
                    groups.add(group);
                }
            }
            group.add(n);
            first = false;
        }
        List<Node> alternatives = new ArrayList<>();
        for (List<Node> g : groups) if (!g.isEmpty()) alternatives.add(g.size() == 1 ? g.getFirst() : new AllOf(g));
        if (alternatives.isEmpty()) return null;
        return alternatives.size() == 1 ? alternatives.getFirst() : new AnyOf(alternatives);
    }

    private Node unary() {
        if (at >= tokens.size()) throw invalid(null, "an operator without a term after it");
        Token t = tokens.get(at++);
        return switch (t.kind()) {
            case NOT -> {
                Node n = unary();
                yield n == null ? null : new Not(n);
            }
            case OPEN -> {
                Node n = sequence();
                if (at >= tokens.size() || tokens.get(at).kind() != Kind.CLOSE) throw invalid(null, "a '(' without its ')'");
                at++;
                yield n;
            }
            case WORD -> term(t.text(), true);
            case PHRASE -> term(t.text(), false);
            case AND, OR -> throw invalid(null, "two operators in a row");
            case CLOSE -> throw invalid(null, "an unmatched ')'");
        };
    }

    /** A term of one word, or a phrase of its words; {@code null} for one without letters or digits. */
    private static Node term(String raw, boolean wildcard) {
        boolean prefix = wildcard && raw.endsWith("*");
        String body = prefix ? raw.substring(0, raw.length() - 1) : raw;
        if (prefix && body.isEmpty()) return new Everything();
        List<String> words = words(body).stream().map(Word::lower).toList();
        if (words.isEmpty()) return null;
        return words.size() == 1 ? new Term(words.getFirst(), prefix) : new Phrase(words, prefix);
    }

    private static List<Token> tokens(String text, boolean full) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) { i++; continue; }
            if (full && (text.startsWith("&&", i) || text.startsWith("||", i))) {
                out.add(new Token(c == '&' ? Kind.AND : Kind.OR, null));
                i += 2;
                continue;
            }
            switch (c) {
                case '+' -> { out.add(new Token(Kind.AND, null)); i++; continue; }
                case '|' -> { out.add(new Token(Kind.OR, null)); i++; continue; }
                case '-' -> { out.add(new Token(Kind.NOT, null)); i++; continue; }
                case '(' -> { out.add(new Token(Kind.OPEN, null)); i++; continue; }
                case ')' -> { out.add(new Token(Kind.CLOSE, null)); i++; continue; }
                default -> { }
            }
            if (full && c == '!') { out.add(new Token(Kind.NOT, null)); i++; continue; }
            if (c == '"') {
                int end = i + 1;
                StringBuilder phrase = new StringBuilder();
                while (end < n && text.charAt(end) != '"') {
                    if (text.charAt(end) == '\\' && end + 1 < n) end++;
                    phrase.append(text.charAt(end++));
                }
                if (end >= n) throw invalid(text, "a '\"' without its closing '\"'");
                out.add(new Token(Kind.PHRASE, phrase.toString()));
                i = end + 1;
                continue;
            }
            StringBuilder word = new StringBuilder();
            while (i < n) {
                char d = text.charAt(i);
                if (Character.isWhitespace(d) || (d != '-' && SPECIAL.indexOf(d) >= 0 && d != '\\')) break;
                if (d == '\\' && i + 1 < n) { word.append(text.charAt(i + 1)); i += 2; continue; }
                if (full && (d == '~' || d == '^' || d == '/')) {
                    throw new FaultException(ErrorCodes.NotSupported, "The search text '" + text + "' uses a fuzzy, boosting, proximity"
                            + " or regular-expression form of the full (Lucene) syntax, which this service does not support.");
                }
                word.append(d);
                i++;
            }
            String w = word.toString();
            if (full && w.equals("AND")) out.add(new Token(Kind.AND, null));
            else if (full && w.equals("OR")) out.add(new Token(Kind.OR, null));
            else if (full && w.equals("NOT")) out.add(new Token(Kind.NOT, null));
            else out.add(new Token(Kind.WORD, w));
        }
        return out;
    }

    private static FaultException invalid(String text, String what) {
        return new FaultException(ErrorCodes.InvalidArgument, "The search text " + (text == null ? "" : "'" + text + "' ")
                + "has " + what + ". Escape an operator character (+ | - ( ) \" \\) with a backslash to search for it.");
    }
}
