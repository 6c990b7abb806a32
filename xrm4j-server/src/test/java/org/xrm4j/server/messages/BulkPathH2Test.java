package org.xrm4j.server.messages;

class BulkPathH2Test extends BulkPathContract {
    @Override String database() { return "h2"; }
}
