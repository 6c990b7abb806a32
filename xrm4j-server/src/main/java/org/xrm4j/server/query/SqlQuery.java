package org.xrm4j.server.query;

import java.util.List;

/**
 * A planned query: the SQL, its parameters, how to read each row back, and the page being read.
 * {@code limit} is one more than the page size, so that one extra row tells whether more records exist.
 * {@code versionColumn} (0 when absent) holds the root row's versionnumber, read into every record's RowVersion.
 */
record SqlQuery(String sql, List<Object> parameters, String countSql, List<Object> countParameters,
                List<Projection> projections, int idColumn, int pageSize, int pageNumber, boolean paged,
                String entityName, String primaryIdAttribute, int versionColumn) {}
