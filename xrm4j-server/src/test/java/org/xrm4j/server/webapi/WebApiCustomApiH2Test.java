package org.xrm4j.server.webapi;

class WebApiCustomApiH2Test extends WebApiCustomApiContract {
    @Override String database() { return "h2"; }
}
