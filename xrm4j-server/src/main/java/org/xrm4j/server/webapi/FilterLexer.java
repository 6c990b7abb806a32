package org.xrm4j.server.webapi;

import java.util.ArrayList;
import java.util.List;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;

/**
 * Splits a decoded {@code $filter} into tokens: parentheses, brackets, commas, {@code =}, quoted strings ({@code ''} is
 * a quote) and words. A word holds letters, digits and {@code _ . : - + /}, so that unquoted GUIDs, numbers,
 * date-times and navigation paths ({@code primarycontactid/fullname}) stay one token; brackets and {@code =} serve the
 * query functions' parameters ({@code PropertyValues=['a','b']}).
 */
final class FilterLexer {
    enum Kind { OPEN, CLOSE, COMMA, STRING, WORD, LIST_OPEN, LIST_CLOSE, EQUALS }

    record Token(Kind kind, String text) {}

    private FilterLexer() {}

    static List<Token> tokens(String filter) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < filter.length()) {
            char c = filter.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                out.add(new Token(c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.COMMA, String.valueOf(c)));
                i++;
            } else if (c == '[' || c == ']' || c == '=') {
                out.add(new Token(c == '[' ? Kind.LIST_OPEN : c == ']' ? Kind.LIST_CLOSE : Kind.EQUALS, String.valueOf(c)));
                i++;
            } else if (c == '\'') {
                StringBuilder s = new StringBuilder();
                i++;
                while (true) {
                    if (i >= filter.length()) throw error("The string literal starting at " + i + " is not closed.");
                    char d = filter.charAt(i++);
                    if (d == '\'') {
                        if (i < filter.length() && filter.charAt(i) == '\'') {
                            s.append('\'');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        s.append(d);
                    }
                }
                out.add(new Token(Kind.STRING, s.toString()));
            } else if (isWordChar(c)) {
                int start = i;
                while (i < filter.length() && isWordChar(filter.charAt(i))) i++;
                out.add(new Token(Kind.WORD, filter.substring(start, i)));
            } else {
                throw error("Syntax error at position " + i + " in '" + filter + "'.");
            }
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == ':' || c == '-' || c == '+' || c == '/';
    }

    static FaultException error(String message) {
        return new FaultException(ErrorCodes.InvalidArgument, "Invalid $filter: " + message);
    }
}
