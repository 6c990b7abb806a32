package org.xrm4j.server.solutions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small solution files written for the tests, shaped like real exports: a publisher with a customization prefix and
 * an option value prefix, one new table (primary key, primary name, an int, a picklist on a global option set, a
 * lookup to systemuser with its relationship, state and status, the platform's audit and owner columns), a column
 * of a type xrm4j does not store, an untouched system table, and a new column on an existing table.
 */
public final class SolutionFixtures {
    public static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"xml\" ContentType=\"application/octet-stream\" /></Types>";

    private SolutionFixtures() {}

    /** A zip of the given entries, in order. */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    /** The three root files of a solution named {@code name} whose table is {@code <prefix>_leave} (prefix "xt"). */
    public static Map<String, byte[]> files(String name, String version, String table, String extraAttributes) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("[Content_Types].xml", utf8(CONTENT_TYPES));
        m.put("solution.xml", utf8(solutionXml(name, version)));
        m.put("customizations.xml", utf8(customizationsXml(table, extraAttributes)));
        return m;
    }

    public static byte[] leaveSolution(String name, String version, String table) {
        return zip(files(name, version, table, ""));
    }

    public static String solutionXml(String name, String version) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<ImportExportXml version=\"9.2.22113.178\" SolutionPackageVersion=\"9.2\" languagecode=\"1033\" generatedBy=\"CrmLive\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><SolutionManifest>"
                + "<UniqueName>" + name + "</UniqueName><LocalizedNames><LocalizedName description=\"Leave " + name + "\" languagecode=\"1033\" /></LocalizedNames>"
                + "<Descriptions /><Version>" + version + "</Version><Managed>0</Managed>"
                + "<Publisher><UniqueName>XtPublisher</UniqueName><LocalizedNames><LocalizedName description=\"Xt Publisher\" languagecode=\"1033\" /></LocalizedNames>"
                + "<Descriptions /><EMailAddress xsi:nil=\"true\"></EMailAddress><CustomizationPrefix>xt</CustomizationPrefix>"
                + "<CustomizationOptionValuePrefix>12345</CustomizationOptionValuePrefix></Publisher>"
                + "<RootComponents><RootComponent type=\"1\" schemaName=\"xt_leave\" behavior=\"0\" /></RootComponents>"
                + "<MissingDependencies /></SolutionManifest></ImportExportXml>";
    }

    static String attribute(String physical, String type, String extra) {
        String logical = physical.toLowerCase(java.util.Locale.ROOT);
        return "<attribute PhysicalName=\"" + physical + "\"><Type>" + type + "</Type><Name>" + logical + "</Name><LogicalName>" + logical
                + "</LogicalName><RequiredLevel>none</RequiredLevel><DisplayMask>ValidForAdvancedFind|ValidForForm|ValidForGrid</DisplayMask>"
                + "<IsCustomField>1</IsCustomField>" + extra + "<displaynames><displayname description=\"" + physical + "\" languagecode=\"1033\" /></displaynames></attribute>";
    }

    /** customizations.xml with the table {@code table} (schema name as given, logical name lower case). */
    public static String customizationsXml(String table, String extraAttributes) {
        String t = table.toLowerCase(java.util.Locale.ROOT);
        String attributes = attribute("xt_Approver", "lookup", "<LookupTypes />")
                + attribute("xt_Hours", "int", "<Format>none</Format><MinValue>0</MinValue><MaxValue>80</MaxValue>")
                + "<attribute PhysicalName=\"xt_Name\"><Type>nvarchar</Type><Name>xt_name</Name><LogicalName>xt_name</LogicalName>"
                + "<RequiredLevel>required</RequiredLevel><DisplayMask>PrimaryName|ValidForAdvancedFind|ValidForForm|ValidForGrid|RequiredForForm</DisplayMask>"
                + "<Format>text</Format><MaxLength>120</MaxLength><Length>240</Length></attribute>"
                + attribute(table + "Id", "primarykey", "")
                + attribute("xt_Reason", "picklist", "<AppDefaultValue>-1</AppDefaultValue><OptionSetName>xt_leavereason</OptionSetName>")
                + attribute("xt_Photo", "image", "<Format>jpeg</Format>")
                + attribute("xt_Notes", "memo", "<Format>textarea</Format><MaxLength>2000</MaxLength>")
                + attribute("xt_Paid", "bit", "")
                + attribute("xt_Cost", "money", "<Precision>2</Precision>")
                + attribute("xt_Start", "datetime", "<Format>date</Format>")
                + attribute("xt_Kind", "picklist", "<optionset Name=\"" + t + "_xt_kind\"><OptionSetType>picklist</OptionSetType><options>"
                        + "<option value=\"1\"><labels><label description=\"Full day\" languagecode=\"1033\" /></labels></option>"
                        + "<option value=\"2\"><labels><label description=\"Half day\" languagecode=\"1033\" /></labels></option></options></optionset>")
                + attribute("CreatedBy", "lookup", "<LookupTypes />") + attribute("CreatedOn", "datetime", "")
                + attribute("OwnerId", "owner", "") + attribute("OwningBusinessUnit", "lookup", "")
                + "<attribute PhysicalName=\"statecode\"><Type>state</Type><Name>statecode</Name><LogicalName>statecode</LogicalName>"
                + "<RequiredLevel>systemrequired</RequiredLevel><optionset Name=\"" + t + "_statecode\"><OptionSetType>state</OptionSetType><states>"
                + "<state value=\"0\" defaultstatus=\"1\" invariantname=\"Active\"><labels><label description=\"Active\" languagecode=\"1033\" /></labels></state>"
                + "<state value=\"1\" defaultstatus=\"2\" invariantname=\"Inactive\"><labels><label description=\"Inactive\" languagecode=\"1033\" /></labels></state>"
                + "</states></optionset></attribute>"
                + "<attribute PhysicalName=\"statuscode\"><Type>status</Type><Name>statuscode</Name><LogicalName>statuscode</LogicalName>"
                + "<RequiredLevel>none</RequiredLevel><optionset Name=\"" + t + "_statuscode\"><OptionSetType>status</OptionSetType><statuses>"
                + "<status value=\"1\" state=\"0\"><labels><label description=\"Active\" languagecode=\"1033\" /></labels></status>"
                + "<status value=\"2\" state=\"1\"><labels><label description=\"Inactive\" languagecode=\"1033\" /></labels></status>"
                + "</statuses></optionset></attribute>"
                + extraAttributes;
        return "<ImportExportXml xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><Entities>"
                + "<Entity><Name LocalizedName=\"Leave\" OriginalName=\"Leave\">" + table + "</Name><EntityInfo><entity Name=\"" + table + "\">"
                + "<LocalizedNames><LocalizedName description=\"Leave\" languagecode=\"1033\" /></LocalizedNames><attributes>" + attributes
                + "</attributes><EntitySetName>" + t + "s</EntitySetName><OwnershipTypeMask>UserOwned</OwnershipTypeMask><IsActivity>0</IsActivity>"
                + "</entity></EntityInfo><FormXml /><SavedQueries /><RibbonDiffXml /></Entity>"
                + "<Entity><Name LocalizedName=\"User\" OriginalName=\"User\">SystemUser</Name><EntityInfo><entity Name=\"SystemUser\" unmodified=\"1\">"
                + "<attributes /></entity></EntityInfo></Entity>"
                + "<Entity><Name LocalizedName=\"Contact\" OriginalName=\"Contact\">Contact</Name><EntityInfo><entity Name=\"Contact\">"
                + "<attributes>" + attribute("xt_Nickname", "nvarchar", "<Format>text</Format><MaxLength>50</MaxLength>")
                + attribute("FullName", "nvarchar", "<MaxLength>160</MaxLength>") + "</attributes>"
                + "<EntitySetName>contacts</EntitySetName><OwnershipTypeMask>UserOwned</OwnershipTypeMask></entity></EntityInfo></Entity>"
                + "</Entities><Roles /><Workflows /><EntityMaps /><EntityRelationships>"
                + "<EntityRelationship Name=\"lk_" + t + "_createdby\"><EntityRelationshipType>OneToMany</EntityRelationshipType>"
                + "<ReferencingEntityName>" + table + "</ReferencingEntityName><ReferencedEntityName>SystemUser</ReferencedEntityName>"
                + "<CascadeDelete>NoCascade</CascadeDelete><ReferencingAttributeName>CreatedBy</ReferencingAttributeName></EntityRelationship>"
                + "<EntityRelationship Name=\"xt_systemuser_" + t + "_approver\"><EntityRelationshipType>OneToMany</EntityRelationshipType>"
                + "<ReferencingEntityName>" + table + "</ReferencingEntityName><ReferencedEntityName>SystemUser</ReferencedEntityName>"
                + "<CascadeAssign>NoCascade</CascadeAssign><CascadeDelete>RemoveLink</CascadeDelete><ReferencingAttributeName>xt_Approver</ReferencingAttributeName>"
                + "<EntityRelationshipRoles><EntityRelationshipRole><NavigationPropertyName>xt_Approver</NavigationPropertyName>"
                + "<RelationshipRoleType>1</RelationshipRoleType></EntityRelationshipRole><EntityRelationshipRole>"
                + "<NavigationPropertyName>xt_systemuser_" + t + "_approver</NavigationPropertyName><RelationshipRoleType>0</RelationshipRoleType>"
                + "</EntityRelationshipRole></EntityRelationshipRoles></EntityRelationship>"
                + "<EntityRelationship Name=\"" + t + "_contact\"><EntityRelationshipType>ManyToMany</EntityRelationshipType>"
                + "<FirstEntityName>" + table + "</FirstEntityName><SecondEntityName>Contact</SecondEntityName>"
                + "<IntersectEntityName>" + t + "_contact</IntersectEntityName></EntityRelationship>"
                + "</EntityRelationships><OrganizationSettings /><optionsets>"
                + "<optionset Name=\"xt_leavereason\" localizedName=\"Leave Reason\"><OptionSetType>picklist</OptionSetType><IsGlobal>1</IsGlobal><options>"
                + "<option value=\"123450000\" ExternalValue=\"\"><labels><label description=\"Vacation\" languagecode=\"1033\" /></labels></option>"
                + "<option value=\"123450001\" ExternalValue=\"\"><labels><label description=\"Sick\" languagecode=\"1033\" /></labels></option>"
                + "</options></optionset></optionsets><Languages><Language>1033</Language></Languages></ImportExportXml>";
    }

    /** Writes the fixture solution split as SolutionPackager splits an export. */
    public static void unpacked(Path dir, String name, String table) throws IOException {
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

    /**
     * A solution of {@code entities} new tables with {@code attributes} columns each (primary key and name included),
     * of every stored type in turn; from the second table on, the last column is a lookup to the table before.
     */
    public static byte[] large(String name, int entities, int attributes) { return large(name, "xl", entities, attributes); }

    /** As {@link #large(String, int, int)}, with the tables and columns named {@code <prefix>_...}. */
    public static byte[] large(String name, String prefix, int entities, int attributes) {
        String[] types = {"nvarchar", "int", "memo", "decimal", "money", "bit", "datetime", "picklist", "bigint", "float", "multiselectpicklist"};
        String options = "<optionset Name=\"x\"><options><option value=\"1\"><labels><label description=\"A\" languagecode=\"1033\" /></labels></option>"
                + "<option value=\"2\"><labels><label description=\"B\" languagecode=\"1033\" /></labels></option></options></optionset>";
        StringBuilder tables = new StringBuilder();
        StringBuilder relationships = new StringBuilder();
        for (int e = 0; e < entities; e++) {
            String t = prefix + "_t" + e;
            StringBuilder columns = new StringBuilder(attribute(t + "Id", "primarykey", ""));
            columns.append("<attribute PhysicalName=\"" + prefix + "_name\"><Type>nvarchar</Type><LogicalName>" + prefix + "_name</LogicalName>"
                    + "<DisplayMask>PrimaryName</DisplayMask><MaxLength>100</MaxLength></attribute>");
            for (int a = 0; a < attributes - 2; a++) {
                String type = a == attributes - 3 && e > 0 ? "lookup" : types[a % types.length];
                columns.append(attribute(prefix + "_a" + a, type, type.endsWith("picklist") ? options : ""));
            }
            if (e > 0) {
                relationships.append("<EntityRelationship Name=\"" + prefix + "_r" + e + "\"><EntityRelationshipType>OneToMany</EntityRelationshipType>"
                        + "<ReferencingEntityName>" + t + "</ReferencingEntityName><ReferencedEntityName>" + prefix + "_t" + (e - 1) + "</ReferencedEntityName>"
                        + "<CascadeDelete>RemoveLink</CascadeDelete><ReferencingAttributeName>" + prefix + "_a" + (attributes - 3) + "</ReferencingAttributeName></EntityRelationship>");
            }
            tables.append("<Entity><Name>" + t + "</Name><EntityInfo><entity Name=\"" + t + "\"><attributes>" + columns
                    + "</attributes><EntitySetName>" + t + "s</EntitySetName></entity></EntityInfo></Entity>");
        }
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("[Content_Types].xml", utf8(CONTENT_TYPES));
        m.put("solution.xml", utf8(solutionXml(name, "1.0.0.0")));
        m.put("customizations.xml", utf8("<ImportExportXml><Entities>" + tables + "</Entities><EntityRelationships>" + relationships
                + "</EntityRelationships></ImportExportXml>"));
        return zip(m);
    }
}
