package org.xrm4j.server.messages;

class UpsertMultipleH2Test extends UpsertMultipleContract {
    @Override String database() { return "h2"; }
}
