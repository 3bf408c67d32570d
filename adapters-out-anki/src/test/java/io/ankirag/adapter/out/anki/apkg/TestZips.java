package io.ankirag.adapter.out.anki.apkg;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Builds and takes apart packages for tests; {@link ZipOutputStream} writes any entry name it is given. */
final class TestZips {

    private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};

    private TestZips() {
    }

    static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                entries.put(entry.getName(), file.getInputStream(entry).readAllBytes());
            }
        }
        return entries;
    }

    static Path write(Path zip, Map<String, byte[]> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    static boolean isZstd(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == ZSTD_MAGIC[0] && bytes[1] == ZSTD_MAGIC[1]
                && bytes[2] == ZSTD_MAGIC[2] && bytes[3] == ZSTD_MAGIC[3];
    }

    static byte[] zstd(byte[] bytes) {
        return Zstd.compress(bytes);
    }

    /** Anki streams its zstd frames, so they need not declare their size. */
    static byte[] unzstd(byte[] bytes) throws IOException {
        try (InputStream in = new ZstdInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
