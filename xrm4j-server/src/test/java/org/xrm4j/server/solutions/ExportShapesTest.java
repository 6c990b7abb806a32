package org.xrm4j.server.solutions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xrm4j.server.solutions.SolutionFixtures.attribute;
import static org.xrm4j.server.solutions.SolutionFixtures.files;
import static org.xrm4j.server.solutions.SolutionFixtures.utf8;
import static org.xrm4j.server.solutions.SolutionFixtures.zip;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.RequiredLevel;
import org.xrm4j.server.metadata.SystemEntities;

/** Shapes that exports made by Dataverse carry and the hand-made fixtures did not: how the import plans them. */
class ExportShapesTest {

    private static ImportPlan plan(String extraAttributes, String extraRelationships) {
        Map<String, byte[]> m = files("XtShapes", "1.0", "xt_Leave", extraAttributes);
        String customizations = new String(m.get("customizations.xml"), java.nio.charset.StandardCharsets.UTF_8);
        // The fixture's primary name column gets the label an export gives it.
        m.put("customizations.xml", utf8(customizations.replace("<EntityRelationships>", "<EntityRelationships>" + extraRelationships)
                .replace("<Length>240</Length></attribute>", "<Length>240</Length><displaynames>"
                        + "<displayname description=\"Leave name\" languagecode=\"1033\" /></displaynames></attribute>")));
        return ImportPlanner.plan(SolutionFiles.read(zip(m)).customizations(), SystemEntities.metadata());
    }

    private static EntityMetadata leave(ImportPlan plan) {
        return plan.newEntities.stream().filter(e -> e.logicalName().equals("xt_leave")).findFirst().orElseThrow();
    }

    @Test void requiredInTheFileIsApplicationRequired() {
        String code = "<attribute PhysicalName=\"xt_Code\"><Type>nvarchar</Type><Name>xt_code</Name><LogicalName>xt_code</LogicalName>"
                + "<RequiredLevel>required</RequiredLevel><DisplayMask>ValidForAdvancedFind|ValidForForm|ValidForGrid|RequiredForForm</DisplayMask>"
                + "<Format>text</Format><MaxLength>20</MaxLength><Length>40</Length></attribute>";
        EntityMetadata leave = leave(plan(code, ""));
        assertThat(leave.attribute("xt_code").requiredLevel()).isEqualTo(RequiredLevel.ApplicationRequired);
        assertThat(leave.attribute("xt_hours").requiredLevel()).isEqualTo(RequiredLevel.None);
    }

    @Test void columnsTheFileMarksNotValidForCreateOrUpdateStayReadOnly() {
        // A money column's base-currency copy, as every export writes it next to the money column.
        String base = attribute("xt_cost_Base", "money", "<ValidForUpdateApi>0</ValidForUpdateApi><ValidForReadApi>1</ValidForReadApi>"
                + "<ValidForCreateApi>0</ValidForCreateApi><MinValue>-922337203685477</MinValue><MaxValue>922337203685477</MaxValue>"
                + "<Accuracy>2</Accuracy><AccuracySource>2</AccuracySource><CalculationOf>xt_Cost</CalculationOf>");
        EntityMetadata leave = leave(plan(base, ""));
        assertThat(leave.attribute("xt_cost_base").validForCreate()).isFalse();
        assertThat(leave.attribute("xt_cost_base").validForUpdate()).isFalse();
        assertThat(leave.attribute("xt_cost").validForCreate()).isTrue();
        assertThat(leave.attribute("xt_cost").validForUpdate()).isTrue();
    }

    @Test void columnsTakeTheirDisplayNames() {
        String days = "<attribute PhysicalName=\"xt_Days\"><Type>int</Type><Name>xt_days</Name><LogicalName>xt_days</LogicalName>"
                + "<RequiredLevel>none</RequiredLevel><MinValue>0</MinValue><MaxValue>30</MaxValue>"
                + "<displaynames><displayname description=\"Days off\" languagecode=\"1033\" /></displaynames></attribute>";
        EntityMetadata leave = leave(plan(days, ""));
        assertThat(leave.attribute("xt_days").displayName()).isEqualTo("Days off");
        assertThat(leave.attribute("xt_hours").displayName()).isEqualTo("xt_Hours");
        // The primary name column is made by the table's builder, and still takes the file's label.
        assertThat(leave.attribute("xt_name").displayName()).isEqualTo("Leave name");
    }

    @Test void aLookupToATableNeitherInTheFileNorTheOrganizationIsSkippedNamingTheTable() {
        String currency = attribute("TransactionCurrencyId", "lookup", "<LookupStyle>single</LookupStyle><LookupTypes />");
        String relationship = "<EntityRelationship Name=\"TransactionCurrency_xt_Leave\"><EntityRelationshipType>OneToMany</EntityRelationshipType>"
                + "<ReferencingEntityName>xt_Leave</ReferencingEntityName><ReferencedEntityName>TransactionCurrency</ReferencedEntityName>"
                + "<CascadeDelete>Restrict</CascadeDelete><ReferencingAttributeName>TransactionCurrencyId</ReferencingAttributeName></EntityRelationship>";
        ImportPlan plan = plan(currency, relationship);
        assertThat(leave(plan).has("transactioncurrencyid")).isFalse();
        assertThat(plan.log).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo("xt_leave.transactioncurrencyid");
            assertThat(e.result()).isEqualTo("warning");
            assertThat(e.errorText()).contains("transactioncurrency").contains("neither in the solution nor in the organization");
        });
    }

    @Test void unmodifiedSystemColumnsOfAnExistingTableAreLeftAsTheOrganizationHasThem() {
        // An export of a customized system table lists its untouched columns too, each marked unmodified.
        Map<String, byte[]> m = files("XtContact", "1.0", "xt_Leave", "");
        String customizations = new String(m.get("customizations.xml"), java.nio.charset.StandardCharsets.UTF_8);
        String composite = "<attribute PhysicalName=\"Address1_Composite\" unmodified=\"1\"><Type>ntext</Type><Name>address1_composite</Name>"
                + "<LogicalName>address1_composite</LogicalName><RequiredLevel>none</RequiredLevel><ValidForCreateApi>0</ValidForCreateApi>"
                + "<IsCustomField>0</IsCustomField><Format>textarea</Format><MaxLength>1000</MaxLength></attribute>";
        String account = "<attribute PhysicalName=\"AccountId\" unmodified=\"1\"><Type>lookup</Type><Name>accountid</Name>"
                + "<LogicalName>accountid</LogicalName><RequiredLevel>none</RequiredLevel><IsCustomField>0</IsCustomField>"
                + "<LookupStyle>single</LookupStyle><LookupTypes><LookupType id=\"00000000-0000-0000-0000-000000000000\">1</LookupType></LookupTypes></attribute>";
        m.put("customizations.xml", utf8(customizations.replace("<entity Name=\"Contact\"><attributes>",
                "<entity Name=\"Contact\"><attributes>" + account + composite)));
        ImportPlan plan = ImportPlanner.plan(SolutionFiles.read(zip(m)).customizations(), SystemEntities.metadata());
        assertThat(plan.addedColumns.get("contact")).extracting(a -> a.logicalName()).containsExactly("xt_nickname");
        assertThat(plan.log).noneSatisfy(e -> assertThat(e.name()).startsWith("contact.a"));
    }

    @Test void lookupTypesHoldObjectTypeCodesAndTheRelationshipsOfTheFileComeFirst() {
        String contact = attribute("xt_Contact", "lookup", "<LookupStyle>single</LookupStyle><LookupTypes>"
                + "<LookupType id=\"00000000-0000-0000-0000-000000000000\">2</LookupType></LookupTypes>");
        String account = attribute("xt_Account", "lookup", "<LookupStyle>single</LookupStyle><LookupTypes>"
                + "<LookupType id=\"00000000-0000-0000-0000-000000000000\">10042</LookupType></LookupTypes>");
        String relationship = "<EntityRelationship Name=\"xt_account_xt_leave_account\"><EntityRelationshipType>OneToMany</EntityRelationshipType>"
                + "<ReferencingEntityName>xt_Leave</ReferencingEntityName><ReferencedEntityName>Account</ReferencedEntityName>"
                + "<CascadeDelete>RemoveLink</CascadeDelete><ReferencingAttributeName>xt_Account</ReferencingAttributeName></EntityRelationship>";
        EntityMetadata leave = leave(plan(contact + account, relationship));
        assertThat(leave.attribute("xt_contact").targets()).containsExactly("contact");
        assertThat(leave.attribute("xt_account").targets()).containsExactly("account");
    }

    @Test void componentsXrm4jDoesNotInstallAreLoggedAsSkipped() {
        Map<String, byte[]> m = files("XtSkipped", "1.0", "xt_Leave", "");
        String customizations = new String(m.get("customizations.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("<Workflows />", "<Workflows><Workflow WorkflowId=\"{00b0df82-0be7-4ae5-bc12-f980d9748b26}\" Name=\"Notify approver\">"
                        + "<JsonFileName>/Workflows/Notifyapprover.json</JsonFileName><Type>1</Type><Category>5</Category></Workflow></Workflows>"
                        + "<connectionreferences><connectionreference connectionreferencelogicalname=\"xt_Outlook\">"
                        + "<connectorid>/providers/Microsoft.PowerApps/apis/shared_office365</connectorid></connectionreference></connectionreferences>")
                .replace("<FormXml />", "<FormXml><forms type=\"main\"><systemform><formid>{27427d6c-2edb-4095-830e-52195f9d6b4e}</formid>"
                        + "</systemform></forms></FormXml>");
        m.put("customizations.xml", utf8(customizations));
        SolutionFiles f = SolutionFiles.read(zip(m));
        ImportPlan plan = ImportPlanner.plan(f.customizations(), SystemEntities.metadata());
        assertThat(plan.log).filteredOn(e -> e.kind().equals("component")).extracting(e -> e.name())
                .containsExactly("Workflow Notify approver", "connectionreference xt_Outlook", "FormXml xt_Leave");
        assertThat(plan.log).filteredOn(e -> e.kind().equals("component")).allSatisfy(e -> assertThat(e.result()).isEqualTo("warning"));
        assertThat(plan.newEntities).extracting(e -> e.logicalName()).contains("xt_leave");
        String log = ImportLog.write(f.manifest(), plan, "success", null, java.time.Instant.now(), java.time.Instant.now());
        assertThat(log).contains("<components><component id=\"Workflow Notify approver\"")
                .contains("xrm4j does not install Workflow components; it was skipped.");
    }
}
