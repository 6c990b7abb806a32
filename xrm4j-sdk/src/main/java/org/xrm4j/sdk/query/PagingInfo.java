package org.xrm4j.sdk.query;

/** Which page to read: Count records per page, 1-based PageNumber, the previous page's PagingCookie. */
public record PagingInfo(int count, int pageNumber, String pagingCookie, boolean returnTotalRecordCount) {
    public PagingInfo(int count, int pageNumber) { this(count, pageNumber, null, false); }
}
