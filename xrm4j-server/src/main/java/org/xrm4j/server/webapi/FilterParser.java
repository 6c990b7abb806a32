package org.xrm4j.server.webapi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.xrm4j.sdk.query.ConditionExpression;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.FilterExpression;
import org.xrm4j.sdk.query.JoinOperator;
import org.xrm4j.sdk.query.LinkEntity;
import org.xrm4j.sdk.query.LogicalOperator;
import org.xrm4j.server.webapi.FilterLexer.Kind;
import org.xrm4j.server.webapi.FilterLexer.Token;

/**
 * Translates an OData {@code $filter} into the engine's {@link FilterExpression}: comparisons, {@code and}/{@code or},
 * parentheses, {@code contains}/{@code startswith}/{@code endswith} and {@code null}. The query model has no NOT, so a
 * {@code not} is pushed down to the conditions (De Morgan) and each operator is replaced by its opposite. Values stay
 * literals (text, numbers, GUIDs, booleans); the engine converts them to the column's type.
 *
 * <p>The lambda operators on a collection-valued navigation property become filtering links of the filter: {@code
 * nav/any(c: P)} a link with {@link JoinOperator#Any} and criteria P ({@code nav/any()}: any related record at all),
 * {@code nav/all(c: P)} one with {@link JoinOperator#NotAny} and criteria {@code not P} (no related record fails P,
 * so a record without related records matches, as OData defines {@code all}); {@code not} swaps Any and NotAny. Here
 * the link names only the navigation property (its alias is {@value #LAMBDA} and the name); {@link NavigationFilters}
 * joins it to the related table, which needs the metadata.
 */
final class FilterParser {
    private static final Pattern GUID = Pattern.compile("^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$");
    private static final Pattern INTEGER = Pattern.compile("^-?\\d{1,18}$");
    private static final Pattern NUMBER = Pattern.compile("^-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?[mMdDfF]?$");

    /** The alias prefix of a lambda's link before {@link NavigationFilters} resolves its navigation property. */
    static final String LAMBDA = "lambda:";

    private final List<Token> tokens;
    private final java.util.Deque<String> variables = new java.util.ArrayDeque<>();
    private int pos;

    private FilterParser(List<Token> tokens) { this.tokens = tokens; }

    static FilterExpression parse(String filter) {
        FilterParser p = new FilterParser(FilterLexer.tokens(filter));
        FilterExpression result = new FilterExpression(LogicalOperator.And);
        p.or(result, false);
        if (p.pos < p.tokens.size()) throw FilterLexer.error("unexpected '" + p.tokens.get(p.pos).text() + "'.");
        return result;
    }

    /** Adds to {@code into} the conditions of an or-chain; negated, the chain becomes an and-chain of negations. */
    private void or(FilterExpression into, boolean negate) {
        FilterExpression group = new FilterExpression(negate ? LogicalOperator.And : LogicalOperator.Or);
        and(group, negate);
        while (keyword("or")) and(group, negate);
        attach(into, group);
    }

    private void and(FilterExpression into, boolean negate) {
        FilterExpression group = new FilterExpression(negate ? LogicalOperator.Or : LogicalOperator.And);
        unary(group, negate);
        while (keyword("and")) unary(group, negate);
        attach(into, group);
    }

    /** A group of one member, or with the parent's operator, adds nothing: its members go straight into the parent. */
    private static void attach(FilterExpression into, FilterExpression group) {
        if (group.conditions().isEmpty() && group.linkEntities().isEmpty() && group.filters().size() == 1) {
            attach(into, group.filters().getFirst());
            return;
        }
        int members = group.conditions().size() + group.filters().size() + group.linkEntities().size();
        if (members <= 1 || group.filterOperator() == into.filterOperator()) {
            group.conditions().forEach(into::addCondition);
            group.filters().forEach(into::addFilter);
            into.linkEntities().addAll(group.linkEntities());
        } else {
            into.addFilter(group);
        }
    }

    private void unary(FilterExpression into, boolean negate) {
        if (keyword("not")) {
            unary(into, !negate);
        } else if (peek(Kind.OPEN)) {
            pos++;
            or(into, negate);
            expect(Kind.CLOSE);
        } else if (lambdaAhead()) {
            into.linkEntities().add(lambda(negate));
        } else {
            into.addCondition(comparison(negate));
        }
    }

    /** Whether the next tokens are {@code <navigation>/any(} or {@code <navigation>/all(}. */
    private boolean lambdaAhead() {
        if (pos + 1 >= tokens.size() || tokens.get(pos).kind() != Kind.WORD || tokens.get(pos + 1).kind() != Kind.OPEN) return false;
        String text = tokens.get(pos).text();
        return text.endsWith("/any") || text.endsWith("/all");
    }

    private LinkEntity lambda(boolean negate) {
        String path = property(next().text());
        boolean all = path.endsWith("/all");
        String navigation = path.substring(0, path.length() - 4);
        if (navigation.isEmpty() || navigation.contains("/")) {
            throw FilterLexer.error("'" + path + "' must name one collection-valued navigation property before /any or /all.");
        }
        expect(Kind.OPEN);
        FilterExpression body = new FilterExpression(LogicalOperator.And);
        if (peek(Kind.CLOSE)) {
            pos++;
            if (all) throw FilterLexer.error("all() needs a lambda expression, such as " + navigation + "/all(c: c/statecode eq 0).");
        } else {
            Token declaration = next();
            if (declaration.kind() == Kind.WORD && !declaration.text().contains(":") && pos < tokens.size()
                    && tokens.get(pos).kind() == Kind.WORD && tokens.get(pos).text().startsWith(":")) {
                declaration = new Token(Kind.WORD, declaration.text() + next().text()); // "c : c/name"
            }
            int colon = declaration.kind() == Kind.WORD ? declaration.text().indexOf(':') : -1;
            if (colon < 1) {
                throw FilterLexer.error("a lambda expression starts with its variable, such as " + navigation + "/any(c: c/fullname eq 'x').");
            }
            String rest = declaration.text().substring(colon + 1);
            if (!rest.isEmpty()) tokens.set(--pos, new Token(Kind.WORD, rest)); // "c:c/name" holds the first property too
            variables.push(declaration.text().substring(0, colon));
            or(body, all);
            variables.pop();
            expect(Kind.CLOSE);
        }
        JoinOperator join = all == negate ? JoinOperator.Any : JoinOperator.NotAny;
        return new LinkEntity(null, null, null, null, join).entityAlias(LAMBDA + navigation).linkCriteria(body);
    }

    /** A property path as written; inside a lambda it must start with the lambda's variable, which is removed. */
    private String property(String name) {
        if (variables.isEmpty()) return name;
        String variable = variables.peek();
        if (!name.startsWith(variable + "/")) {
            throw FilterLexer.error("inside a lambda expression, properties are named through its variable, as " + variable + "/"
                    + name + "; '" + name + "' is not.");
        }
        return name.substring(variable.length() + 1);
    }

    private ConditionExpression comparison(boolean negate) {
        Token first = next();
        if (first.kind() != Kind.WORD) throw FilterLexer.error("expected a property name, found '" + first.text() + "'.");
        String fn = first.text().toLowerCase(Locale.ROOT);
        if (peek(Kind.OPEN) && QueryFunctions.names(first.text())) {
            pos++;
            return QueryFunctions.condition(first.text(), parameters(), negate);
        }
        if (peek(Kind.OPEN) && (fn.equals("contains") || fn.equals("startswith") || fn.equals("endswith"))) {
            pos++;
            String attribute = attribute(next());
            expect(Kind.COMMA);
            Token value = next();
            if (value.kind() != Kind.STRING) throw FilterLexer.error(fn + " takes a string.");
            expect(Kind.CLOSE);
            return switch (fn) {
                case "contains" -> new ConditionExpression(attribute, negate ? ConditionOperator.NotLike : ConditionOperator.Like,
                        "%" + literalPattern(value.text()) + "%");
                case "startswith" -> new ConditionExpression(attribute, negate ? ConditionOperator.DoesNotBeginWith : ConditionOperator.BeginsWith, value.text());
                default -> new ConditionExpression(attribute, negate ? ConditionOperator.DoesNotEndWith : ConditionOperator.EndsWith, value.text());
            };
        }
        String attribute = attribute(first);
        Token op = next();
        Token literal = next();
        Object value = enumLiteral(literal) ? enumMember(literal) : literal(literal);
        String o = op.text().toLowerCase(Locale.ROOT);
        if (value == null) {
            boolean isNull = switch (o) {
                case "eq" -> true;
                case "ne" -> false;
                default -> throw FilterLexer.error("null can only be compared with eq or ne.");
            };
            return new ConditionExpression(attribute, isNull != negate ? ConditionOperator.Null : ConditionOperator.NotNull);
        }
        ConditionOperator operator = switch (o) {
            case "eq" -> negate ? ConditionOperator.NotEqual : ConditionOperator.Equal;
            case "ne" -> negate ? ConditionOperator.Equal : ConditionOperator.NotEqual;
            case "gt" -> negate ? ConditionOperator.LessEqual : ConditionOperator.GreaterThan;
            case "ge" -> negate ? ConditionOperator.LessThan : ConditionOperator.GreaterEqual;
            case "lt" -> negate ? ConditionOperator.GreaterEqual : ConditionOperator.LessThan;
            case "le" -> negate ? ConditionOperator.GreaterThan : ConditionOperator.LessEqual;
            default -> throw FilterLexer.error("the operator '" + op.text() + "' is not supported.");
        };
        return new ConditionExpression(attribute, operator, value);
    }

    /**
     * A query function's parameters after its opening parenthesis, up to the closing one: {@code Name=value} pairs
     * whose value is a literal or a bracketed list of literals ({@code null} stays a null element).
     */
    private java.util.Map<String, Object> parameters() {
        java.util.Map<String, Object> parameters = new java.util.LinkedHashMap<>();
        if (peek(Kind.CLOSE)) {
            pos++;
            return parameters;
        }
        do {
            Token name = next();
            if (name.kind() != Kind.WORD) throw FilterLexer.error("expected a parameter name, found '" + name.text() + "'.");
            Token equals = next();
            if (equals.kind() != Kind.EQUALS) throw FilterLexer.error("expected '=' after the parameter '" + name.text() + "'.");
            if (peek(Kind.LIST_OPEN)) {
                pos++;
                List<Object> values = new java.util.ArrayList<>();
                if (peek(Kind.LIST_CLOSE)) {
                    pos++;
                } else {
                    do { values.add(literal(next())); } while (commaInList());
                }
                parameters.put(name.text(), values);
            } else {
                parameters.put(name.text(), literal(next()));
            }
        } while (comma());
        expect(Kind.CLOSE);
        return parameters;
    }

    private boolean comma() {
        if (peek(Kind.COMMA)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean commaInList() {
        if (comma()) return true;
        Token t = next();
        if (t.kind() != Kind.LIST_CLOSE) throw FilterLexer.error("expected ']' or ',' in a list, found '" + t.text() + "'.");
        return false;
    }

    /** contains() takes a literal: the engine's Like escapes its wildcards with a backslash. */
    private static String literalPattern(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A property name; a lookup's {@code _x_value} is the column {@code x}. */
    private String attribute(Token t) {
        if (t.kind() != Kind.WORD) throw FilterLexer.error("expected a property name, found '" + t.text() + "'.");
        String name = property(t.text());
        if (name.startsWith("_") && name.endsWith("_value") && name.length() > 7) return name.substring(1, name.length() - 6);
        return name;
    }

    /**
     * Whether the value is an enum literal, {@code Microsoft.Dynamics.CRM.OwnershipTypes'UserOwned'}: a qualified type
     * name (the lexer's word) directly followed by the member in quotes.
     */
    private boolean enumLiteral(Token t) {
        return t.kind() == Kind.WORD && t.text().contains(".") && !NUMBER.matcher(t.text()).matches() && peek(Kind.STRING);
    }

    /**
     * An enum literal's member name, which is how the service renders enum values ({@code "UserOwned"}), so that it
     * compares like the quoted name; the type must be of the service's namespace, {@code Microsoft.Dynamics.CRM} or its
     * alias {@code mscrm}.
     */
    private String enumMember(Token type) {
        String name = type.text();
        int dot = name.lastIndexOf('.');
        String namespace = name.substring(0, dot);
        if (!namespace.equals("Microsoft.Dynamics.CRM") && !namespace.equals("mscrm") || dot == name.length() - 1) {
            throw FilterLexer.error("the enum literal " + name + "'…' must name a type of the namespace Microsoft.Dynamics.CRM, such as"
                    + " Microsoft.Dynamics.CRM.OwnershipTypes'UserOwned'.");
        }
        return next().text();
    }

    private static Object literal(Token t) {
        if (t.kind() == Kind.STRING) return t.text();
        if (t.kind() != Kind.WORD) throw FilterLexer.error("expected a value, found '" + t.text() + "'.");
        String s = t.text();
        if (s.equals("null")) return null;
        if (s.equals("true") || s.equals("false")) return Boolean.valueOf(s);
        if (GUID.matcher(s).matches()) return UUID.fromString(s);
        if (INTEGER.matcher(s).matches()) return Long.parseLong(s);
        if (NUMBER.matcher(s).matches()) return new BigDecimal(s.replaceAll("[mMdDfF]$", ""));
        // Date-times and other unquoted literals travel as text; the engine parses them for the column's type.
        return s;
    }

    private boolean keyword(String word) {
        if (pos < tokens.size() && tokens.get(pos).kind() == Kind.WORD && tokens.get(pos).text().equals(word)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean peek(Kind kind) { return pos < tokens.size() && tokens.get(pos).kind() == kind; }

    private Token next() {
        if (pos >= tokens.size()) throw FilterLexer.error("the expression ends too early.");
        return tokens.get(pos++);
    }

    private void expect(Kind kind) {
        Token t = next();
        if (t.kind() != kind) throw FilterLexer.error("expected '" + (kind == Kind.CLOSE ? ")" : kind == Kind.OPEN ? "(" : ",") + "', found '" + t.text() + "'.");
    }
}
