package org.xrm4j.server.webapi;

class WebApiNodeClientH2Test extends WebApiNodeClientContract {
    @Override String database() { return "h2"; }
}
