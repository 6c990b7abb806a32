package org.xrm4j.server.solutions;

import java.sql.Connection;

/** A schema change that H2, which commits each DDL statement, must reverse by hand when its unit of work fails. */
interface Undo {
    boolean needsUndo();

    /** Rolls back the open transaction, then reverses the DDL; best effort. */
    void undo(Connection c);
}
