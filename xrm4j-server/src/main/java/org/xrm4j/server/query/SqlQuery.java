package org.xrm4j.server.query;

import java.util.List;

/**
 * A planned query: the SQL, its parameters, how to read each row back, and the page being read.
 * {@code limit} is one more than the page size, so that one extra row tells whether more records exist.
 */
record SqlQuery(String sql, List<Object> parameters, String countSql, List<Object> countParameters,
                List<Projection> projections, int idColumn, int pageSize, int pageNumber, boolean paged,
                String entityName, String primaryIdAttribute) {}
