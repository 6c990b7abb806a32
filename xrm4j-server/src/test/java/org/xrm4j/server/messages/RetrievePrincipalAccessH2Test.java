package org.xrm4j.server.messages;

class RetrievePrincipalAccessH2Test extends RetrievePrincipalAccessContract {
    @Override String database() { return "h2"; }
}
