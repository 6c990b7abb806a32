package org.xrm4j.server.webapi;

class WebApiNodeReadsH2Test extends WebApiNodeReadsContract {
    @Override String database() { return "h2"; }
}
