package org.xrm4j.server.webapi;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The functions and actions of the {@code $metadata} document, declared as the platform declares them: WhoAmI,
 * Merge, ImportSolution, ImportSolutionAsync, DeleteAndPromote (unbound, with imports in the container) and the
 * bound CreateMultiple, UpdateMultiple and UpsertMultiple, with their response complex types.
 */
final class CsdlOperations {
    private static final String BASE = "mscrm.crmbaseentity";
    private static final String[] UNBOUND_ACTIONS = {"Merge", "ImportSolution", "ImportSolutionAsync", "DeleteAndPromote"};

    private CsdlOperations() {}

    static void declarations(XMLStreamWriter x) throws XMLStreamException {
        complexType(x, "WhoAmIResponse", "BusinessUnitId", "Edm.Guid", "UserId", "Edm.Guid", "OrganizationId", "Edm.Guid");
        complexType(x, "ImportSolutionAsyncResponse", "AsyncOperationId", "Edm.Guid", "ImportJobKey", "Edm.String");
        complexType(x, "DeleteAndPromoteResponse", "SolutionId", "Edm.Guid");
        complexType(x, "CreateMultipleResponse", "Ids", "Collection(Edm.Guid)");

        x.writeStartElement("Function");
        x.writeAttribute("Name", "WhoAmI");
        returns(x, "mscrm.WhoAmIResponse");
        x.writeEndElement();

        x.writeStartElement("Action");
        x.writeAttribute("Name", "Merge");
        parameter(x, "Target", BASE, false);
        parameter(x, "Subordinate", BASE, false);
        parameter(x, "UpdateContent", BASE, true);
        parameter(x, "PerformParentingChecks", "Edm.Boolean", false);
        x.writeEndElement();

        x.writeStartElement("Action");
        x.writeAttribute("Name", "ImportSolution");
        importParameters(x);
        parameter(x, "ImportJobId", "Edm.Guid", false);
        x.writeEndElement();

        x.writeStartElement("Action");
        x.writeAttribute("Name", "ImportSolutionAsync");
        importParameters(x);
        returns(x, "mscrm.ImportSolutionAsyncResponse");
        x.writeEndElement();

        x.writeStartElement("Action");
        x.writeAttribute("Name", "DeleteAndPromote");
        parameter(x, "UniqueName", "Edm.String", false);
        returns(x, "mscrm.DeleteAndPromoteResponse");
        x.writeEndElement();

        for (String name : new String[] {"CreateMultiple", "UpdateMultiple", "UpsertMultiple"}) {
            x.writeStartElement("Action");
            x.writeAttribute("Name", name);
            x.writeAttribute("IsBound", "true");
            parameter(x, "entityset", "Collection(" + BASE + ")", false);
            parameter(x, "Targets", "Collection(" + BASE + ")", false);
            if (name.equals("CreateMultiple")) returns(x, "mscrm.CreateMultipleResponse");
            x.writeEndElement();
        }
    }

    static void imports(XMLStreamWriter x) throws XMLStreamException {
        x.writeEmptyElement("FunctionImport");
        x.writeAttribute("Name", "WhoAmI");
        x.writeAttribute("Function", "Microsoft.Dynamics.CRM.WhoAmI");
        for (String action : UNBOUND_ACTIONS) {
            x.writeEmptyElement("ActionImport");
            x.writeAttribute("Name", action);
            x.writeAttribute("Action", "Microsoft.Dynamics.CRM." + action);
        }
    }

    private static void importParameters(XMLStreamWriter x) throws XMLStreamException {
        parameter(x, "OverwriteUnmanagedCustomizations", "Edm.Boolean", false);
        parameter(x, "PublishWorkflows", "Edm.Boolean", false);
        parameter(x, "CustomizationFile", "Edm.Binary", false);
        parameter(x, "HoldingSolution", "Edm.Boolean", true);
    }

    private static void complexType(XMLStreamWriter x, String name, String... properties) throws XMLStreamException {
        x.writeStartElement("ComplexType");
        x.writeAttribute("Name", name);
        for (int i = 0; i < properties.length; i += 2) {
            x.writeEmptyElement("Property");
            x.writeAttribute("Name", properties[i]);
            x.writeAttribute("Type", properties[i + 1]);
            if (!properties[i + 1].startsWith("Collection(")) x.writeAttribute("Nullable", "false");
        }
        x.writeEndElement();
    }

    private static void parameter(XMLStreamWriter x, String name, String type, boolean nullable) throws XMLStreamException {
        x.writeEmptyElement("Parameter");
        x.writeAttribute("Name", name);
        x.writeAttribute("Type", type);
        if (!nullable) x.writeAttribute("Nullable", "false");
    }

    private static void returns(XMLStreamWriter x, String type) throws XMLStreamException {
        x.writeEmptyElement("ReturnType");
        x.writeAttribute("Type", type);
        x.writeAttribute("Nullable", "false");
    }
}
