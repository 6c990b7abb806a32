package org.xrm4j.server.webapi;

class WebApiBoundOperationsH2Test extends WebApiBoundOperationsContract {
    @Override String database() { return "h2"; }
}
