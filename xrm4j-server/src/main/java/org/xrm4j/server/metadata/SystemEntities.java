package org.xrm4j.server.metadata;

import static org.xrm4j.server.metadata.CascadeType.Cascade;
import static org.xrm4j.server.metadata.CascadeType.RemoveLink;
import static org.xrm4j.server.metadata.CascadeType.Restrict;
import static org.xrm4j.server.metadata.EntityBuilder.entity;
import static org.xrm4j.server.metadata.OptionMetadata.of;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in tables every organization starts with, with the columns users of the platform rely on. Names,
 * types, lengths and option values follow the platform's entity reference; relationship names are the platform's
 * where users address them (Associate, Merge), generated otherwise.
 */
public final class SystemEntities {
    private SystemEntities() {}

    /** The schema names of the built-in relationships, lower case: the ones no customizer made. */
    private static final java.util.Set<String> RELATIONSHIPS = metadata().relationships().stream()
            .map(r -> r.schemaName().toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Whether a relationship is one of the built-in tables' own (the platform's, not a customization). */
    public static boolean isSystemRelationship(String schemaName) {
        return RELATIONSHIPS.contains(schemaName.toLowerCase(java.util.Locale.ROOT));
    }

    /** Every built-in table and relationship. */
    public static OrganizationMetadata metadata() {
        List<EntityBuilder> builders = List.of(
                organization(), businessUnit(), systemUser(), team(), account(), contact(), lead(), incident(),
                activity("task").integer("percentcomplete", 0, 100).dateTime("scheduledend"),
                activity("phonecall").string("phonenumber", 200).bool("directioncode"),
                activity("email").string("sender", 250).memo("torecipients", 500),
                activity("appointment").string("location", 200).dateTime("scheduledstart").dateTime("scheduledend"),
                asyncOperation(), importJob(), publisher(), solution(), solutionComponent(),
                customApi(), customApiRequestParameter(), customApiResponseProperty());
        List<EntityMetadata> entities = new ArrayList<>();
        List<RelationshipMetadata> relationships = new ArrayList<>();
        for (EntityBuilder b : builders) {
            entities.add(b.build());
            relationships.addAll(b.relationships());
        }
        return new OrganizationMetadata(entities, relationships);
    }

    private static EntityBuilder organization() {
        return entity("organization").entitySetName("organizations").ownership(OwnershipType.None)
                .primaryName("name", 160).string("languagecode", 10).required("name");
    }

    private static EntityBuilder businessUnit() {
        return entity("businessunit").entitySetName("businessunits").ownership(OwnershipType.None)
                .primaryName("name", 160).lookup("parentbusinessunitid", "business_unit_parent_business_unit", Restrict, "businessunit")
                .lookup("organizationid", "organization_business_units", Restrict, "organization")
                .bool("isdisabled").required("name");
    }

    private static EntityBuilder systemUser() {
        return entity("systemuser").entitySetName("systemusers").ownership(OwnershipType.BusinessOwned)
                .primaryName("fullname", 200).string("firstname", 64).string("lastname", 64)
                .string("domainname", 1024).string("internalemailaddress", 100).string("azureactivedirectoryobjectid", 36)
                .lookup("businessunitid", "business_unit_system_users", Restrict, "businessunit")
                .lookup("organizationid", "organization_system_users", Restrict, "organization")
                .bool("isdisabled").picklist("accessmode", of(0, "Read-Write"), of(1, "Administrative"), of(3, "Non-interactive"), of(4, "Support User"))
                .required("businessunitid");
    }

    private static EntityBuilder team() {
        return entity("team").entitySetName("teams").ownership(OwnershipType.BusinessOwned)
                .primaryName("name", 160).lookup("businessunitid", "business_unit_teams", Restrict, "businessunit")
                .picklist("teamtype", of(0, "Owner"), of(1, "Access"), of(2, "Security Group"), of(3, "Office Group"))
                .memo("description", 2000).required("name");
    }

    private static EntityBuilder account() {
        return entity("account").entitySetName("accounts").primaryName("name", 160).activeInactive()
                .string("accountnumber", 20).string("emailaddress1", 100).string("telephone1", 50).string("fax", 50)
                .string("websiteurl", 200).string("address1_line1", 250).string("address1_city", 80)
                .string("address1_postalcode", 20).string("address1_country", 80)
                .lookup("parentaccountid", "account_parent_account", RemoveLink, "account")
                .lookup("primarycontactid", "account_primary_contact", RemoveLink, "contact")
                .money("revenue").integer("numberofemployees", 0, 1000000000).memo("description", 2000)
                .picklist("industrycode", of(1, "Accounting"), of(2, "Agriculture and Non-petrol Natural Resource Extraction"),
                        of(3, "Broadcasting Printing and Publishing"), of(4, "Brokers"), of(5, "Building Supply Retail"),
                        of(6, "Business Services"), of(7, "Consulting"), of(8, "Consumer Services"))
                .picklist("customertypecode", of(1, "Competitor"), of(2, "Consultant"), of(3, "Customer"),
                        of(4, "Investor"), of(5, "Partner"), of(6, "Influencer"), of(12, "Other"))
                .bool("donotemail").dateTime("lastusedincampaign").doubleValue("address1_latitude", 5, -90, 90)
                .decimal("exchangerate", 10, 0.0000000001, 100000000000.0)
                .lookup("masterid", "account_master_account", RemoveLink, "account").bool("merged");
    }

    private static EntityBuilder contact() {
        return entity("contact").entitySetName("contacts").primaryName("fullname", 160).activeInactive()
                .string("firstname", 50).string("lastname", 50).string("middlename", 50).string("jobtitle", 100)
                .string("emailaddress1", 100).string("telephone1", 50).string("mobilephone", 50).string("fax", 50)
                .string("address1_line1", 250).string("address1_city", 80)
                .customer("parentcustomerid", "contact_customer_accounts", "contact_customer_contacts", Cascade)
                .money("revenue").integer("numberofchildren", 0, 1000000000).memo("description", 2000)
                .dateTime("birthdate").bool("donotemail")
                .picklist("gendercode", of(1, "Male"), of(2, "Female"))
                .multiSelect("preferredcontactmethods", of(1, "Any"), of(2, "Email"), of(3, "Phone"), of(4, "Fax"), of(5, "Mail"))
                .lookup("masterid", "contact_master_contact", RemoveLink, "contact").bool("merged");
    }

    private static EntityBuilder lead() {
        return entity("lead").entitySetName("leads").primaryName("subject", 300)
                .states(List.of(new OptionMetadata(0, "Open", -1, 1), new OptionMetadata(1, "Qualified", -1, 3),
                                new OptionMetadata(2, "Disqualified", -1, 4)),
                        List.of(new OptionMetadata(1, "New", 0, -1), new OptionMetadata(2, "Contacted", 0, -1),
                                new OptionMetadata(3, "Qualified", 1, -1), new OptionMetadata(4, "Lost", 2, -1),
                                new OptionMetadata(5, "Cannot Contact", 2, -1), new OptionMetadata(6, "No Longer Interested", 2, -1),
                                new OptionMetadata(7, "Canceled", 2, -1)))
                .string("firstname", 50).string("lastname", 50).string("fullname", 160).string("companyname", 100)
                .string("emailaddress1", 100).string("telephone1", 50).string("address1_line1", 250)
                .lookup("parentaccountid", "lead_parent_account", RemoveLink, "account")
                .lookup("parentcontactid", "lead_parent_contact", RemoveLink, "contact")
                .customer("customerid", "lead_customer_accounts", "lead_customer_contacts", RemoveLink)
                .money("revenue").integer("numberofemployees", 0, 1000000000).memo("description", 2000)
                .lookup("masterid", "lead_master_lead", RemoveLink, "lead").bool("merged");
    }

    private static EntityBuilder incident() {
        return entity("incident").entitySetName("incidents").primaryName("title", 200)
                .states(List.of(new OptionMetadata(0, "Active", -1, 1), new OptionMetadata(1, "Resolved", -1, 5),
                                new OptionMetadata(2, "Cancelled", -1, 6)),
                        List.of(new OptionMetadata(1, "In Progress", 0, -1), new OptionMetadata(2, "On Hold", 0, -1),
                                new OptionMetadata(3, "Waiting for Details", 0, -1), new OptionMetadata(4, "Researching", 0, -1),
                                new OptionMetadata(5, "Problem Solved", 1, -1), new OptionMetadata(6, "Cancelled", 2, -1),
                                new OptionMetadata(2000, "Merged", 2, -1)))
                .string("ticketnumber", 100).memo("description", 2000)
                .customer("customerid", "incident_customer_accounts", "incident_customer_contacts", Cascade)
                .lookup("primarycontactid", "contact_as_primary_contact", RemoveLink, "contact")
                .lookup("parentcaseid", "incident_parent_incident", RemoveLink, "incident")
                .lookup("masterid", "incident_master_incident", RemoveLink, "incident").bool("merged")
                .picklist("prioritycode", of(1, "High"), of(2, "Normal"), of(3, "Low"))
                .picklist("caseorigincode", of(1, "Phone"), of(2, "Email"), of(3, "Web"))
                .required("customerid");
    }

    private static EntityBuilder activity(String name) {
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1) + "s";
        return entity(name).entitySetName(name + (name.endsWith("s") ? "es" : "s")).primaryId("activityid").activity()
                .primaryName("subject", 200)
                .states(List.of(new OptionMetadata(0, "Open", -1, 1), new OptionMetadata(1, "Completed", -1, 5),
                                new OptionMetadata(2, "Canceled", -1, 6)),
                        List.of(new OptionMetadata(1, "Open", 0, -1), new OptionMetadata(2, "Not Started", 0, -1),
                                new OptionMetadata(5, "Completed", 1, -1), new OptionMetadata(6, "Canceled", 2, -1)))
                .memo("description", 2000).dateTime("actualend").integer("actualdurationminutes", 0, 2147483647)
                .picklist("prioritycode", of(0, "Low"), of(1, "Normal"), of(2, "High"))
                .lookup("regardingobjectid", "{target}_" + cap, Cascade, "account", "contact", "lead", "incident");
    }

    private static EntityBuilder asyncOperation() {
        return entity("asyncoperation").entitySetName("asyncoperations").primaryName("name", 256)
                .states(List.of(new OptionMetadata(0, "Ready", -1, 0), new OptionMetadata(1, "Suspended", -1, 10),
                                new OptionMetadata(2, "Locked", -1, 20), new OptionMetadata(3, "Completed", -1, 30)),
                        List.of(new OptionMetadata(0, "Waiting For Resources", 0, -1), new OptionMetadata(10, "Waiting", 1, -1),
                                new OptionMetadata(20, "In Progress", 2, -1), new OptionMetadata(21, "Pausing", 2, -1),
                                new OptionMetadata(22, "Canceling", 2, -1), new OptionMetadata(30, "Succeeded", 3, -1),
                                new OptionMetadata(31, "Failed", 3, -1), new OptionMetadata(32, "Canceled", 3, -1)))
                .picklist("operationtype", of(1, "System Event"), of(10, "Workflow"), of(13, "Bulk Delete"),
                        of(45, "Update Solution"), of(54, "Execute Async Request"),
                        of(203, "Import Solution Async Operation"), of(207, "DeleteAndPromote Async Operation"),
                        of(208, "UninstallSolution Async Operation"), of(211, "StageAndUpgrade Async Operation"))
                .string("messagename", 160).memo("data", 1073741823).integer("errorcode", -2147483648, 2147483647)
                .memo("message", 100000).memo("friendlymessage", 100000)
                .dateTime("startedon").dateTime("completedon").dateTime("postponeuntil")
                .integer("retrycount", 0, 2147483647).integer("depth", 0, 2147483647)
                .uniqueIdentifier("correlationid").uniqueIdentifier("requestid")
                .doubleValue("executiontimespan", 2, 0, 1000000000)
                .lookup("regardingobjectid", "{target}_AsyncOperations", RemoveLink, "account", "contact", "lead", "incident", "solution")
                .entityName("primaryentitytype").string("dependencytoken", 256).bigInt("sequence")
                .string("hostid", 256).dateTime("leaseexpireson").required("depth").required("correlationid");
    }

    private static EntityBuilder importJob() {
        return entity("importjob").entitySetName("importjobs").ownership(OwnershipType.OrganizationOwned)
                .noPrimaryName().memo("data", 1073741823).doubleValue("progress", 2, 0, 100)
                .string("solutionname", 256).string("name", 256).string("importcontext", 110).string("operationcontext", 50)
                .dateTime("startedon").dateTime("completedon").uniqueIdentifier("solutionid")
                .lookup("organizationid", "organization_importjobs", Restrict, "organization");
    }

    private static EntityBuilder publisher() {
        return entity("publisher").entitySetName("publishers").ownership(OwnershipType.OrganizationOwned)
                .primaryName("friendlyname", 256).string("uniquename", 256).string("customizationprefix", 8)
                .integer("customizationoptionvalueprefix", 10000, 99999).string("emailaddress", 100)
                .string("supportingwebsiteurl", 200).memo("description", 2000).required("uniquename");
    }

    private static EntityBuilder solution() {
        return entity("solution").entitySetName("solutions").ownership(OwnershipType.OrganizationOwned)
                .primaryName("friendlyname", 256).string("uniquename", 65).string("version", 256).bool("ismanaged")
                .lookup("publisherid", "publisher_solution", Restrict, "publisher")
                .lookup("parentsolutionid", "solution_parent_solution", RemoveLink, "solution")
                .memo("description", 2000).dateTime("installedon").required("uniquename");
    }

    private static EntityBuilder solutionComponent() {
        return entity("solutioncomponent").entitySetName("solutioncomponents").ownership(OwnershipType.OrganizationOwned)
                .noPrimaryName().lookup("solutionid", "solution_solutioncomponent", Cascade, "solution")
                .picklist("componenttype", of(1, "Entity"), of(2, "Attribute"), of(3, "Relationship"), of(9, "Option Set"),
                        of(10, "Entity Relationship"), of(14, "Entity Key"), of(20, "Role"), of(24, "Form"), of(26, "Saved Query"),
                        of(29, "Workflow"), of(60, "System Form"), of(61, "Web Resource"), of(62, "Site Map"),
                        of(80, "Model-driven App"), of(300, "Canvas App"))
                .uniqueIdentifier("objectid").string("schemaname", 256)
                .picklist("rootcomponentbehavior", of(0, "Include Subcomponents"), of(1, "Do not include subcomponents"), of(2, "Include As Shell Only"))
                .bool("ismetadata").uniqueIdentifier("rootsolutioncomponentid");
    }

    /** The types a custom API's parameter or response property can have, with the platform's values. */
    private static OptionMetadata[] customApiTypes() {
        return new OptionMetadata[] {of(0, "Boolean"), of(1, "DateTime"), of(2, "Decimal"), of(3, "Entity"),
                of(4, "EntityCollection"), of(5, "EntityReference"), of(6, "Float"), of(7, "Integer"), of(8, "Money"),
                of(9, "Picklist"), of(10, "String"), of(11, "StringArray"), of(12, "Guid")};
    }

    /** A custom message (Custom API): defining one makes its unique name a message the service executes. */
    private static EntityBuilder customApi() {
        return entity("customapi").entitySetName("customapis").ownership(OwnershipType.OrganizationOwned)
                .primaryName("name", 100).string("uniquename", 128).string("displayname", 100).memo("description", 300)
                .picklist("bindingtype", of(0, "Global"), of(1, "Entity"), of(2, "EntityCollection"))
                .string("boundentitylogicalname", 100).bool("isfunction").bool("isprivate")
                .picklist("allowedcustomprocessingsteptype", of(0, "None"), of(1, "Async Only"), of(2, "Sync and Async"))
                .string("executeprivilegename", 100).required("uniquename");
    }

    private static EntityBuilder customApiRequestParameter() {
        return entity("customapirequestparameter").entitySetName("customapirequestparameters").ownership(OwnershipType.OrganizationOwned)
                .primaryName("name", 100).string("uniquename", 128).string("displayname", 100).memo("description", 300)
                .lookup("customapiid", "customapi_customapirequestparameter", Cascade, "customapi")
                .picklist("type", customApiTypes()).string("logicalentityname", 100).bool("isoptional")
                .required("uniquename").required("customapiid");
    }

    private static EntityBuilder customApiResponseProperty() {
        return entity("customapiresponseproperty").entitySetName("customapiresponseproperties").ownership(OwnershipType.OrganizationOwned)
                .primaryName("name", 100).string("uniquename", 128).string("displayname", 100).memo("description", 300)
                .lookup("customapiid", "customapi_customapiresponseproperty", Cascade, "customapi")
                .picklist("type", customApiTypes()).string("logicalentityname", 100)
                .required("uniquename").required("customapiid");
    }
}
