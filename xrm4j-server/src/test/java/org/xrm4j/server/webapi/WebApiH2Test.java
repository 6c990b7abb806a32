package org.xrm4j.server.webapi;

class WebApiH2Test extends WebApiContract {
    @Override String database() { return "h2"; }
}
