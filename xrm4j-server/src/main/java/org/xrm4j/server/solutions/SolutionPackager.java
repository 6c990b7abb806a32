package org.xrm4j.server.solutions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Packs an unpacked solution folder (the SolutionPackager layout: {@code Other/Solution.xml},
 * {@code Other/Customizations.xml}, {@code Entities/<name>/Entity.xml}, {@code Other/Relationships/*.xml},
 * {@code OptionSets/*.xml}) into an importable zip: the entity, relationship and option set files are merged back
 * into customizations.xml, which the folder keeps as a skeleton. Workflows, web resources, app modules, site maps
 * and canvas apps go in as their metadata only (the import logs them as skipped); forms, views and ribbons are left
 * out, since the import does not install them.
 */
public final class SolutionPackager {
    /** Folders whose components xrm4j skips, with the ending of their metadata files. */
    private static final String[][] METADATA_ONLY = {{"Workflows", ".data.xml"}, {"WebResources", ".data.xml"},
            {"AppModules", "appmodule.xml"}, {"AppModuleSiteMaps", "appmodulesitemap.xml"}, {"CanvasApps", ".meta.xml"}};

    private SolutionPackager() {}

    public static byte[] pack(Path folder) {
        Path solution = find(folder, "Other", "Solution.xml");
        Path customizations = find(folder, "Other", "Customizations.xml");
        if (solution == null || customizations == null) {
            throw new IllegalArgumentException(folder + " is not an unpacked solution: Other/Solution.xml and"
                    + " Other/Customizations.xml are required.");
        }
        Document doc = parse(customizations);
        Element root = doc.getDocumentElement();
        Element entities = section(doc, root, "Entities");
        for (Path p : files(folder.resolve("Entities"), true)) {
            if (p.getFileName().toString().equalsIgnoreCase("Entity.xml")) entities.appendChild(doc.importNode(parse(p).getDocumentElement(), true));
        }
        Element relationships = section(doc, root, "EntityRelationships");
        clear(relationships);
        Path relationshipDir = find(folder, "Other", "Relationships");
        for (Path p : relationshipDir == null ? List.<Path>of() : files(relationshipDir, false)) {
            for (Element r : children(parse(p).getDocumentElement(), "EntityRelationship")) relationships.appendChild(doc.importNode(r, true));
        }
        Element optionSets = section(doc, root, "optionsets");
        for (Path p : files(folder.resolve("OptionSets"), false)) optionSets.appendChild(doc.importNode(parse(p).getDocumentElement(), true));
        // Components the import does not install go in as their metadata files, so that its log names each one.
        for (String[] part : METADATA_ONLY) {
            Path dir = child(folder, part[0]);
            for (Path p : dir == null ? List.<Path>of() : files(dir, true)) {
                String file = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (file.endsWith(part[1]) && !file.endsWith("_managed.xml")) {
                    section(doc, root, part[0]).appendChild(doc.importNode(parse(p).getDocumentElement(), true));
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", ("<?xml version=\"1.0\" encoding=\"utf-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"xml\" ContentType=\"application/octet-stream\" /></Types>").getBytes(StandardCharsets.UTF_8));
            entry(zip, "solution.xml", Files.readAllBytes(solution));
            entry(zip, "customizations.xml", write(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A file or folder under {@code folder/dir}, matched case-insensitively (exports differ in case). */
    private static Path find(Path folder, String dir, String name) {
        Path d = child(folder, dir);
        return d == null ? null : child(d, name);
    }

    private static Path child(Path dir, String name) {
        if (!Files.isDirectory(dir)) return null;
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().equalsIgnoreCase(name)).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The .xml files of a folder (and its subfolders when {@code deep}), in name order so that packing is repeatable. */
    private static List<Path> files(Path dir, boolean deep) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = deep ? Files.walk(dir) : Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The root's child of that name, created when the skeleton lacks it. */
    private static Element section(Document doc, Element root, String name) {
        List<Element> found = children(root, name);
        if (!found.isEmpty()) return found.getFirst();
        Element e = doc.createElement(name);
        root.appendChild(e);
        return e;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equalsIgnoreCase(name)) out.add(e);
        }
        return out;
    }

    /** Drops the name-only list SolutionPackager leaves in the skeleton; the definitions come from Other/Relationships. */
    private static void clear(Element e) {
        Node c;
        while ((c = e.getFirstChild()) != null) e.removeChild(c);
    }

    private static Document parse(Path file) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            byte[] bytes = Files.readAllBytes(file);
            int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes, start, bytes.length - start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalArgumentException(file + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static byte[] write(Document doc) {
        try {
            TransformerFactory f = TransformerFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            var t = f.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot write customizations.xml", e);
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
