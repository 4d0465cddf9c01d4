package org.tessera.app.runs;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Shows a folder in the desktop's file manager: AWT's Desktop where it can, else xdg-open (Linux) or open (macOS). */
final class FolderOpener {
    private FolderOpener() {
    }

    static void open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " does not exist any more");
        }
        if (!java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            Desktop.getDesktop().open(dir.toFile());
            return;
        }
        String os = System.getProperty("os.name", "").toLowerCase();
        List<String> command = os.contains("mac") ? List.of("open", dir.toString())
                : os.contains("win") ? List.of("explorer", dir.toString()) : List.of("xdg-open", dir.toString());
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IOException("no file manager found (" + command.get(0) + ": " + e.getMessage() + ")", e);
        }
    }
}
