package org.cleanrank.cli;

import java.nio.file.Path;
import java.util.List;
import org.cleanrank.image.pipeline.ImageFolder;
import picocli.CommandLine.Option;

/** {@code --images DIR}, the input of the image commands ({@code hash}, {@code ssim}, {@code near-duplicates}, {@code audit}). */
final class ImageFolderOption {
    @Option(
            names = "--images",
            required = true,
            paramLabel = "DIR",
            description = "folder of images: its regular, non-hidden files (not its subfolders), in name order")
    Path dir;

    /** The folder's image files, in name order. */
    List<Path> files() {
        return ImageFolder.list(dir);
    }
}
