package org.xrm4j.server.limits;

class BulkThrottlingH2Test extends BulkThrottlingContract {
    @Override String database() { return "h2"; }
}
