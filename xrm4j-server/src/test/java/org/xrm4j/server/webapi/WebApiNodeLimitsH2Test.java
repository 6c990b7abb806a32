package org.xrm4j.server.webapi;

class WebApiNodeLimitsH2Test extends WebApiNodeLimitsContract {
    @Override String database() { return "h2"; }
}
