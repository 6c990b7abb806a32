package org.xrm4j.server.solutions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xrm4j.server.metadata.SystemEntities;

/** Packing an unpacked (SolutionPackager-layout) folder into a file the import reads. */
class SolutionPackagerTest {
    @TempDir Path dir;

    /** Writes the fixture solution split as SolutionPackager splits an export. */
    static void unpacked(Path dir, String name, String table) throws IOException {
        String full = SolutionFixtures.customizationsXml(table, "");
        String entity = full.substring(full.indexOf("<Entity>"), full.indexOf("</Entity>") + "</Entity>".length());
        String relationships = full.substring(full.indexOf("<EntityRelationships>"), full.indexOf("</EntityRelationships>") + "</EntityRelationships>".length());
        String optionSet = full.substring(full.indexOf("<optionsets>") + "<optionsets>".length(), full.indexOf("</optionsets>"));
        write(dir.resolve("Other/Solution.xml"), "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>" + SolutionFixtures.solutionXml(name, "1.0.0.0").substring(38));
        write(dir.resolve("Other/Customizations.xml"), "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?><ImportExportXml xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<Entities /><Roles /><Workflows /><EntityRelationships><EntityRelationship Name=\"only_a_name\" /></EntityRelationships>"
                + "<optionsets /><Languages><Language>1033</Language></Languages></ImportExportXml>");
        write(dir.resolve("Entities/" + table + "/Entity.xml"), "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + entity.replace("<Entity>", "<Entity xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"));
        write(dir.resolve("Entities/" + table + "/FormXml/main/form.xml"), "<forms />");
        write(dir.resolve("Other/Relationships/SystemUser.xml"), relationships);
        write(dir.resolve("OptionSets/xt_leavereason.xml"), optionSet);
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test void packedFolderReadsLikeAnExport() throws IOException {
        unpacked(dir, "XtPacked", "xt_Packed");
        SolutionFiles files = SolutionFiles.read(SolutionPackager.pack(dir));
        assertThat(files.manifest().uniqueName()).isEqualTo("XtPacked");
        assertThat(files.customizations().entities()).extracting(Customizations.Entity::logicalName).containsExactly("xt_packed");
        assertThat(files.customizations().optionSets()).extracting(Customizations.OptionSet::name).containsExactly("xt_leavereason");
        assertThat(files.customizations().relationships()).extracting(Customizations.Relationship::name)
                .containsExactly("lk_xt_packed_createdby", "xt_systemuser_xt_packed_approver", "xt_packed_contact");
        ImportPlan plan = ImportPlanner.plan(files.customizations(), SystemEntities.metadata());
        assertThat(plan.newEntities.getFirst().attribute("xt_reason").options()).hasSize(2);
        assertThat(plan.newRelationships).anySatisfy(r -> assertThat(r.schemaName()).isEqualTo("xt_systemuser_xt_packed_approver"));
    }

    @Test void aFolderWithoutTheSkeletonIsRefused() {
        assertThatThrownBy(() -> SolutionPackager.pack(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Other/Solution.xml");
    }
}
