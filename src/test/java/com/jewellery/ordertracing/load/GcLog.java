package com.jewellery.ordertracing.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap after each collection, read from a JVM's unified GC log ({@code -Xlog:gc:file=...}), whose lines end
 * like {@code Pause Young (Normal) (G1 Evacuation Pause) 150M->42M(256M) 3.456ms}: the second number is what
 * survived, the live set plus what the collection did not reach. Read again as the file grows.
 */
final class GcLog {

    private static final Pattern PAUSE =
            Pattern.compile("GC\\((\\d+)\\) (Pause \\S+.*?) (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    /**
     * @param number  the JVM's count of collections
     * @param kind    e.g. {@code Pause Young (Normal) (G1 Evacuation Pause)} or {@code Pause Full (System.gc())}
     * @param afterMb heap in use after it, MB
     */
    record Collection(int number, String kind, int afterMb) {

        boolean full() {
            return kind.startsWith("Pause Full");
        }
    }

    private final Path file;

    GcLog(Path file) {
        this.file = file;
    }

    /** Every collection logged so far, oldest first; none while the file does not exist yet. */
    List<Collection> collections() throws IOException {
        return Files.exists(file) ? parse(Files.readAllLines(file)) : List.of();
    }

    static List<Collection> parse(List<String> lines) {
        List<Collection> collections = new ArrayList<>();
        for (String line : lines) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.find()) {
                collections.add(new Collection(
                        Integer.parseInt(pause.group(1)), pause.group(2), Integer.parseInt(pause.group(4))));
            }
        }
        return collections;
    }
}
