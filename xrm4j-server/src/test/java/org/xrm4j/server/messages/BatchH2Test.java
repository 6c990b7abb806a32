package org.xrm4j.server.messages;

class BatchH2Test extends BatchContract {
    @Override String database() { return "h2"; }
}
