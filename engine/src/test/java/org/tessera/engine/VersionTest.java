package org.tessera.engine;

import org.junit.jupiter.api.Test;
import org.tessera.engine.cli.TesseraCli;
import org.tessera.engine.testing.StdStreams;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The version is the pom's, wherever it is shown. */
class VersionTest {
    @RegisterExtension
    final StdStreams std = new StdStreams();

    @Test
    void theVersionIsThePomsAndTheCliSaysIt() throws Exception {
        String pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("../pom.xml"))
                .getDocumentElement().getElementsByTagName("version").item(0).getTextContent().strip();
        assertEquals(pom, Version.current());
        assertEquals(0, TesseraCli.execute("--version"));
        assertEquals("Tessera " + pom, std.out().strip());
    }
}
