package org.gstats.plugin.metrics.internal.format;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;

public class FormatDetectorTest {

    private final FormatDetector detector = new FormatDetector();

    private FileFormat text(String path, String content) {
        return detector.detect(path, false, null, content);
    }

    @Test
    public void extensionGivesLanguageAndCategory() {
        FileFormat java = text("src/Main.java", "class Main {}\n");
        assertEquals("Java", java.languageName());
        assertEquals(Category.SOURCE, java.category());
        assertEquals(0.9, java.confidence(), 0);
        assertEquals(Category.CONFIG, text("app.yml", "a: 1\n").category());
        assertEquals(Category.DATA, text("data.json", "{}\n").category());
        assertEquals(Category.MARKUP, text("index.html", "<p>\n").category());
        assertEquals(Category.DOCUMENTATION, text("docs/guide.md", "# guide\n").category());
    }

    @Test
    public void ambiguousExtensionIsLessSure() {
        assertEquals(0.7, text("include/list.h", "int f(void);\n").confidence(), 0);
    }

    @Test
    public void fileNamesBeatExtensions() {
        FileFormat pom = text("pom.xml", "<project/>\n");
        assertEquals("Maven", pom.languageName());
        assertEquals(Category.BUILD, pom.category());
        assertEquals(0.95, pom.confidence(), 0);
        assertEquals("make", text("Makefile", "all:\n").languageName());
        assertEquals(Category.BUILD, text("Dockerfile", "FROM debian\n").category());
        assertEquals(Category.DOCUMENTATION, text("LICENSE", "MIT\n").category());
        FileFormat gitignore = text(".gitignore", "target/\n");
        assertEquals(Category.CONFIG, gitignore.category());
        assertEquals(0.95, gitignore.confidence(), 0);
    }

    @Test
    public void shebangNamesTheLanguageOfFilesWithoutExtension() {
        FileFormat script = text("bin/tool", "#!/usr/bin/env python3\nprint(1)\n");
        assertEquals("Python", script.languageName());
        assertEquals(0.9, script.confidence(), 0);
        assertEquals("Bourne Again Shell", text("run", "#!/bin/bash\necho\n").languageName());
        assertEquals("Perl", text("x", "#!/usr/bin/perl -w\n").languageName());
    }

    @Test
    public void agreeingEvidenceIsCertainAndPathNamesTheDialect() {
        FileFormat script = text("build.sh", "#!/bin/bash\necho\n");
        assertEquals("Bourne Shell", script.languageName());
        assertEquals(1.0, script.confidence(), 0);
    }

    @Test
    public void disagreeingEvidenceLowersConfidence() {
        FileFormat script = text("notes.txt", "#!/usr/bin/ruby\nputs 1\n");
        assertEquals("Ruby", script.languageName());
        assertEquals(0.7, script.confidence(), 1e-9);
    }

    @Test
    public void modelines() {
        assertEquals("Python", text("conf/settings", "# vim: set ft=python :\nx = 1\n").languageName());
        assertEquals("Ruby", text("Guardfile.local", "# -*- mode: ruby -*-\n").languageName());
    }

    @Test
    public void contentSniffing() {
        FileFormat xml = text("layout", "<?xml version=\"1.0\"?>\n<a/>\n");
        assertEquals("XML", xml.languageName());
        assertEquals(0.6, xml.confidence(), 0);
        assertEquals("JSON", text("data", "{\"a\": [1, 2]}\n").languageName());
        FileFormat unknown = text("blob", "just words\n");
        assertNull(unknown.language());
        assertEquals(Category.OTHER, unknown.category());
    }

    /** One path for each pattern of vendored and generated paths (the detector looks for their words first). */
    @Test
    public void everyVendoredAndGeneratedPathPattern() {
        for (String path : new String[] {"node_modules/a/b.c", "x/bower_components/a.c", "vendor/a.c",
                "x/vendors/a.c", "thirdparty/a.c", "x/third-party/a.c", "3rd_party/a.c", "3rdparty/a.c",
                "extern/a.c", "x/external/a.c", "Godeps/_workspace/a.go", ".yarn/a.c", "x/gradlew.bat", "mvnw",
                "mvnw.cmd", ".mvn/wrapper/a.c", "gradle/wrapper/a.c", "js/jquery-3.1.min.js", "bootstrap.css",
                "x/bootstrap.4.js", "d3.js", "react.min.js", "x/moment.js"}) {
            assertEquals(path, Category.VENDORED, text(path, "x\n").category());
        }
        for (String path : new String[] {"a.min.js", "x/a.min.css", "a.js.map", "x/a.css.map", "package-lock.json",
                "yarn.lock", "x/pnpm-lock.yaml", "Cargo.lock", "go.sum", "composer.lock", "poetry.lock",
                "Pipfile.lock", "Gemfile.lock", "a.pb.go", "a.pb.cc", "x/a.pb.h", "a_pb2.py", "a_pb2_grpc.py",
                "Form.designer.cs", "a.g.dart", "a.generated.ts"}) {
            assertEquals(path, Category.GENERATED, text(path, "x\n").category());
        }
        assertEquals(Category.SOURCE, text("src/main/java/org/apache/commons/lang3/StringUtils.java", "x\n")
                .category());
    }

    @Test
    public void vendoredAndGenerated() {
        assertEquals(Category.VENDORED, text("web/node_modules/left-pad/index.js", "x\n").category());
        assertEquals(Category.VENDORED, text("third_party/zlib/inflate.c", "int x;\n").category());
        assertEquals(Category.VENDORED, text("gradlew", "#!/bin/sh\n").category());
        assertEquals(Category.GENERATED, text("static/app.min.js", "x\n").category());
        assertEquals(Category.GENERATED, text("package-lock.json", "{}\n").category());
        assertEquals(Category.GENERATED, text("api/service.pb.go", "package api\n").category());
        assertEquals(Category.GENERATED,
                text("gen/model.go", "// Code generated by protoc-gen-go. DO NOT EDIT.\npackage gen\n").category());
        assertEquals(Category.GENERATED, text("dist/bundle.js", "var a=1;".repeat(200)).category());
        assertEquals(Category.SOURCE, text("src/generator.js", "// makes ids\nlet id = 0;\n").category());
        // the language stays known, so the files table still names it
        assertEquals("JavaScript", text("static/app.min.js", "x\n").languageName());
    }

    @Test
    public void binaryByMagicThenExtension() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0};
        FileFormat image = detector.detect("assets/logo.png", true, png, null);
        assertEquals(Category.BINARY, image.category());
        assertEquals(BinaryKind.IMAGE, image.binaryKind());
        assertEquals(1.0, image.confidence(), 0);
        FileFormat renamed = detector.detect("assets/logo.zip", true, png, null);
        assertEquals(BinaryKind.IMAGE, renamed.binaryKind());
        assertEquals(0.8, renamed.confidence(), 1e-9);
        assertEquals(BinaryKind.ARCHIVE, detector.detect("lib/x.jar", true, null, null).binaryKind());
        assertEquals(BinaryKind.EXECUTABLE,
                detector.detect("bin/tool", true, new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 0}, null).binaryKind());
        FileFormat unknown = detector.detect("data.bin2", true, new byte[] {1, 0, 2}, null);
        assertEquals(BinaryKind.OTHER, unknown.binaryKind());
        assertEquals(0.6, unknown.confidence(), 0);
    }
}
