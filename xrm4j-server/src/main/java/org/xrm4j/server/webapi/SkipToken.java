package org.xrm4j.server.webapi;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;

/**
 * The {@code $skiptoken} of an {@code @odata.nextLink}, in Dataverse's form
 * {@code <cookie pagenumber="2" pagingcookie="..." istracking="False" />}: the next page number and the engine's paging
 * cookie, percent-encoded so that it needs no XML escaping inside the attribute.
 */
record SkipToken(int page, String pagingCookie) {
    private static final Pattern FORM = Pattern.compile("pagenumber=\"(\\d+)\"(?:\\s+pagingcookie=\"([^\"]*)\")?");

    static SkipToken parse(String token) {
        Matcher m = FORM.matcher(token);
        if (!m.find()) throw new FaultException(ErrorCodes.InvalidArgument, "The $skiptoken '" + token + "' is not valid.");
        String cookie = m.group(2) == null || m.group(2).isEmpty() ? null : URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
        return new SkipToken(Integer.parseInt(m.group(1)), cookie);
    }

    String render() {
        String cookie = pagingCookie == null ? "" : encode(pagingCookie);
        return "<cookie pagenumber=\"" + page + "\" pagingcookie=\"" + cookie + "\" istracking=\"False\" />";
    }

    static String encode(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"); }
}
