package org.xrm4j.server.solutions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xrm4j.server.solutions.Customizations.Skipped;

/**
 * The components of customizations.xml that xrm4j does not install: each element of a section other than the
 * tables, option sets and relationships (workflows, web resources, app modules, roles, connection references, ...),
 * and the forms, views, charts and ribbons of each table. The import logs each one as skipped instead of failing.
 */
final class SkippedComponents {
    /** Sections the import installs, or that hold no components. */
    private static final Set<String> INSTALLED = Set.of("entities", "optionsets", "entityrelationships", "languages");

    /** Parts of a table's definition other than its columns. */
    private static final List<String> TABLE_PARTS = List.of("FormXml", "SavedQueries", "Visualizations", "RibbonDiffXml");

    private SkippedComponents() {}

    static List<Skipped> of(XmlElement root) {
        List<Skipped> out = new ArrayList<>();
        for (XmlElement section : root.children()) {
            if (INSTALLED.contains(section.name().toLowerCase(Locale.ROOT))) continue;
            for (XmlElement c : section.children()) out.add(new Skipped(c.name(), nameOf(c)));
        }
        XmlElement entities = root.child("Entities");
        if (entities != null) for (XmlElement e : entities.children("Entity")) {
            String table = e.childText("Name");
            for (String part : TABLE_PARTS) {
                XmlElement p = e.child(part);
                if (p != null && !p.children().isEmpty()) out.add(new Skipped(part, table));
            }
        }
        return out;
    }

    /** What names a component: its Name attribute, a Name or UniqueName child, its first attribute, or its element. */
    private static String nameOf(XmlElement c) {
        for (String n : new String[] {c.attr("Name"), c.childText("Name"), c.childText("UniqueName"), c.childText("LocalizedName"), c.firstAttr()}) {
            if (n != null && !n.isBlank()) return n;
        }
        return c.name();
    }
}
