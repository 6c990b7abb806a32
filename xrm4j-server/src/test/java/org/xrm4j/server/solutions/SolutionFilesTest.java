package org.xrm4j.server.solutions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xrm4j.server.solutions.SolutionFixtures.files;
import static org.xrm4j.server.solutions.SolutionFixtures.utf8;
import static org.xrm4j.server.solutions.SolutionFixtures.zip;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.metadata.AttributeType;
import org.xrm4j.server.metadata.SystemEntities;

/** Reading solution files: the zip's safety rules, XML variants, and what the parsed model holds. */
class SolutionFilesTest {

    static void badZip(byte[] file, String messagePart) {
        assertThatThrownBy(() -> SolutionFiles.read(file)).isInstanceOf(FaultException.class)
                .satisfies(e -> assertThat(((FaultException) e).errorCode()).isEqualTo(ErrorCodes.ImportCustomizationsBadZipFileError.code()))
                .hasMessageContaining(messagePart);
    }

    @Test void parsesManifestAndCustomizations() {
        SolutionFiles f = SolutionFiles.read(SolutionFixtures.leaveSolution("XtLeave", "1.0.0.1", "xt_Leave"));
        assertThat(f.manifest().uniqueName()).isEqualTo("XtLeave");
        assertThat(f.manifest().version()).isEqualTo("1.0.0.1");
        assertThat(f.manifest().managed()).isFalse();
        assertThat(f.manifest().publisher().prefix()).isEqualTo("xt");
        assertThat(f.manifest().publisher().optionValuePrefix()).isEqualTo(12345);
        assertThat(f.manifest().publisher().friendlyName()).isEqualTo("Xt Publisher");
        Customizations.Entity leave = f.customizations().entities().getFirst();
        assertThat(leave.logicalName()).isEqualTo("xt_leave");
        assertThat(leave.entitySetName()).isEqualTo("xt_leaves");
        assertThat(leave.attribute("xt_name").primaryName()).isTrue();
        assertThat(leave.attribute("xt_reason").optionSetName()).isEqualTo("xt_leavereason");
        assertThat(leave.attribute("statecode").options()).hasSize(2);
        assertThat(f.customizations().entities().get(1).unmodified()).isTrue();
        assertThat(f.customizations().optionSets().getFirst().options()).extracting(o -> o.value()).containsExactly(123450000, 123450001);
        Customizations.Relationship approver = f.customizations().relationships().get(1);
        assertThat(approver.referencedEntity()).isEqualTo("systemuser");
        assertThat(approver.referencingAttribute()).isEqualTo("xt_approver");
        assertThat(approver.referencingNavigation()).isEqualTo("xt_Approver");
    }

    @Test void plansTheNewTableWithItsColumnsImageColumnsIncluded() {
        SolutionFiles f = SolutionFiles.read(SolutionFixtures.leaveSolution("XtLeave", "1.0.0.1", "xt_Leave"));
        ImportPlan plan = ImportPlanner.plan(f.customizations(), SystemEntities.metadata());
        var leave = plan.newEntities.getFirst();
        assertThat(leave.primaryIdAttribute()).isEqualTo("xt_leaveid");
        assertThat(leave.primaryNameAttribute()).isEqualTo("xt_name");
        assertThat(leave.attribute("xt_name").maxLength()).isEqualTo(120);
        assertThat(leave.attribute("xt_reason").options()).hasSize(2);
        assertThat(leave.attribute("xt_kind").options()).hasSize(2);
        assertThat(leave.attribute("xt_approver").targets()).containsExactly("systemuser");
        assertThat(leave.attribute("xt_cost").type()).isEqualTo(AttributeType.Money);
        // An image column is a real column with the platform's default MaxSizeInKB, written by the file messages only.
        assertThat(leave.attribute("xt_photo").type()).isEqualTo(AttributeType.Image);
        assertThat(leave.attribute("xt_photo").maxLength()).isEqualTo(10240);
        assertThat(leave.attribute("xt_photo").validForUpdate()).isFalse();
        assertThat(plan.log).filteredOn(e -> e.name().equals("xt_leave.xt_photo")).extracting(e -> e.result()).containsExactly("success");
        assertThat(plan.addedColumns.get("contact")).extracting(a -> a.logicalName()).containsExactly("xt_nickname");
        assertThat(plan.newRelationships).anySatisfy(r -> assertThat(r.schemaName()).isEqualTo("xt_systemuser_xt_leave_approver"));
        assertThat(plan.components).extracting(c -> c.type()).contains(1, 2, 9, 10);
    }

    @Test void acceptsBomAndNoDeclaration() {
        Map<String, byte[]> m = files("XtBom", "1.0", "xt_Bom", "");
        byte[] solution = m.get("solution.xml");
        byte[] withBom = new byte[solution.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(solution, 0, withBom, 3, solution.length);
        m.put("solution.xml", withBom);
        m.put("customizations.xml", utf8(new String(m.get("customizations.xml"), java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(SolutionFiles.read(zip(m)).manifest().uniqueName()).isEqualTo("XtBom");
    }

    @Test void rootFileNamesAreCaseInsensitive() {
        Map<String, byte[]> m = files("XtCase", "1.0", "xt_Case", "");
        Map<String, byte[]> renamed = new LinkedHashMap<>();
        renamed.put("[CONTENT_TYPES].xml", m.get("[Content_Types].xml"));
        renamed.put("Solution.xml", m.get("solution.xml"));
        renamed.put("Customizations.xml", m.get("customizations.xml"));
        assertThat(SolutionFiles.read(zip(renamed)).manifest().uniqueName()).isEqualTo("XtCase");
    }

    @Test void refusesMissingRootFiles() {
        Map<String, byte[]> m = files("XtMissing", "1.0", "xt_Missing", "");
        m.remove("customizations.xml");
        badZip(zip(m), "customizations.xml");
        Map<String, byte[]> nested = files("XtNested", "1.0", "xt_Nested", "");
        nested.put("Other/customizations.xml", nested.remove("customizations.xml"));
        badZip(zip(nested), "must contain");
        badZip(utf8("not a zip"), "invalid");
        badZip(new byte[0], "empty");
    }

    @Test void refusesEntriesOutsideTheArchive() {
        for (String name : new String[] {"../x", "a/../../x", "/etc/passwd", "C:/x", "..\\x"}) {
            Map<String, byte[]> m = files("XtPath", "1.0", "xt_Path", "");
            m.put(name, utf8("x"));
            badZip(zip(m), "outside the archive");
        }
    }

    @Test void refusesDtdsAndExternalEntities() {
        Map<String, byte[]> m = files("XtDtd", "1.0", "xt_Dtd", "");
        m.put("solution.xml", utf8("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<ImportExportXml><SolutionManifest><UniqueName>&e;</UniqueName></SolutionManifest></ImportExportXml>"));
        badZip(zip(m), "solution.xml");
    }

    @Test void refusesZipBombs() {
        Map<String, byte[]> m = files("XtBomb", "1.0", "xt_Bomb", "");
        m.put("WebResources/big", new byte[(int) (SolutionZip.MAX_ENTRY_BYTES / 4)]);
        badZip(zip(m), "expands");
        Map<String, byte[]> many = files("XtMany", "1.0", "xt_Many", "");
        for (int i = 0; i <= SolutionZip.MAX_ENTRIES; i++) many.put("r/" + i, new byte[0]);
        badZip(zip(many), "entries");
    }

    @Test void refusesNamesThatAreNotIdentifiers() {
        Map<String, byte[]> m = files("XtName", "1.0", "xt_Name", "");
        m.put("customizations.xml", utf8(SolutionFixtures.customizationsXml("xt_bad&quot;name", "")));
        SolutionFiles f = SolutionFiles.read(zip(m));
        assertThatThrownBy(() -> ImportPlanner.plan(f.customizations(), SystemEntities.metadata()))
                .isInstanceOf(FaultException.class).hasMessageContaining("not a valid logical name");
    }
}
