package org.xrm4j.server.webapi;

class WebApiReadsH2Test extends WebApiReadsContract {
    @Override String database() { return "h2"; }
}
