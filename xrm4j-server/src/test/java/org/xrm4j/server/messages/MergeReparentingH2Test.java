package org.xrm4j.server.messages;

class MergeReparentingH2Test extends MergeReparentingContract {
    @Override String database() { return "h2"; }
}
