package org.xrm4j.server.messages;

class MergeH2Test extends MergeContract {
    @Override String database() { return "h2"; }
}
