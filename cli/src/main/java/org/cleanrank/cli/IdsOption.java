package org.cleanrank.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --ids} of the commands that key embedding rows by id ({@code selfclean}, {@code detect},
 * {@code audit}); read with {@link IdKeyedInputs#ids}. The outputs then carry the ids.
 */
public final class IdsOption {
    @Option(
            names = "--ids",
            paramLabel = "IDS.csv",
            description = "the id of every embedding row, in row order: a CSV with a header and the column id (or"
                    + " md5hash, or a single column); ids are any strings, file names included (audit: with or"
                    + " without the extension)")
    public Path path;
}
