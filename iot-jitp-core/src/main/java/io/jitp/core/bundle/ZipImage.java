package io.jitp.core.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip built in memory with fixed entry times, so the same inputs always give the same bytes: a rebuild can compare
 * bytes and leave an unchanged bundle alone.
 */
final class ZipImage {
    /** 1980-01-01, the zip format's epoch: entry times carry no information about the build. */
    private static final FileTime FIXED_TIME = FileTime.from(Instant.parse("1980-01-01T00:00:00Z"));

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ZipOutputStream zip = new ZipOutputStream(bytes);

    /**
     * @param name    entry path inside the zip
     * @param content its bytes
     * @return this
     */
    ZipImage add(String name, byte[] content) {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(FIXED_TIME);
        try {
            zip.putNextEntry(entry);
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("In-memory zip failed", e);
        }
        return this;
    }

    /** @return the finished zip */
    byte[] finish() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException("In-memory zip failed", e);
        }
        return bytes.toByteArray();
    }
}
