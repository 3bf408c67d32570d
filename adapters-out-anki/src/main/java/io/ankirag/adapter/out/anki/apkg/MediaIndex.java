package io.ankirag.adapter.out.anki.apkg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The package's {@code media} entry: which numbered zip entry holds which file. Old packages write a JSON object
 * ({@code {"0": "photo.jpg"}}); the latest write protobuf {@code MediaEntries}, where an entry's position is its
 * zip name unless {@code legacy_zip_filename} (field 255) says otherwise.
 */
record MediaIndex(List<Entry> entries) {

    /**
     * @param size the uncompressed size the map declares, or -1 where it declares none
     * @param sha1 the SHA-1 the map declares, or an empty array
     */
    record Entry(String zipName, String name, long size, byte[] sha1) {
    }

    static MediaIndex fromJson(byte[] json) {
        JsonNode map;
        try {
            map = new ObjectMapper().readTree(json);
        } catch (IOException notJson) {
            throw InvalidPackage.because("The package's media map is not valid JSON.", notJson);
        }
        if (map == null || map.isMissingNode() || !map.isObject()) {
            throw InvalidPackage.because("The package's media map is not a JSON object.");
        }
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : map.properties()) {
            if (!field.getValue().isTextual()) {
                throw InvalidPackage.because("The package's media map names entry \"" + PackageArchive.printable(field.getKey())
                        + "\" with something other than a file name.");
            }
            entries.add(new Entry(field.getKey(), field.getValue().textValue(), -1, new byte[0]));
        }
        return checked(entries);
    }

    static MediaIndex fromProtobuf(byte[] mediaEntries) {
        List<Entry> entries = new ArrayList<>();
        try {
            ProtoReader list = new ProtoReader(mediaEntries);
            for (int field = list.nextField(); field != -1; field = list.nextField()) {
                if (field == 1) {
                    entries.add(entry(new ProtoReader(list.bytes()), entries.size()));
                } else {
                    list.skip();
                }
            }
        } catch (ProtoReader.MalformedProtobufException malformed) {
            throw InvalidPackage.because("The package's media map is damaged: " + malformed.getMessage() + ".",
                    malformed);
        }
        return checked(entries);
    }

    private static Entry entry(ProtoReader entry, int position) {
        String name = null;
        long size = -1;
        byte[] sha1 = new byte[0];
        String zipName = Integer.toString(position);
        for (int field = entry.nextField(); field != -1; field = entry.nextField()) {
            switch (field) {
                case 1 -> name = entry.string();
                case 2 -> size = entry.varint() & 0xffff_ffffL;
                case 3 -> sha1 = entry.bytes();
                case 255 -> zipName = Long.toString(entry.varint() & 0xffff_ffffL);
                default -> entry.skip();
            }
        }
        if (name == null) {
            throw InvalidPackage.because("The package's media map has an entry without a file name.");
        }
        return new Entry(zipName, name, size, sha1);
    }

    private static MediaIndex checked(List<Entry> entries) {
        Set<String> names = new HashSet<>();
        Set<String> zipNames = new HashSet<>();
        for (Entry entry : entries) {
            if (!isSafeMediaName(entry.name())) {
                throw InvalidPackage.because("The package's media map names a file \""
                        + PackageArchive.printable(entry.name()) + "\"; media names may not be empty, be \"..\" or"
                        + " contain path separators.");
            }
            if (!names.add(entry.name())) {
                throw InvalidPackage.because("The package's media map names the file \""
                        + PackageArchive.printable(entry.name()) + "\" twice.");
            }
            if (!zipNames.add(entry.zipName())) {
                throw InvalidPackage.because("The package's media map uses the entry \""
                        + PackageArchive.printable(entry.zipName()) + "\" twice.");
            }
        }
        return new MediaIndex(List.copyOf(entries));
    }

    static boolean isSafeMediaName(String name) {
        return !name.isBlank() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\\') < 0 && name.indexOf('\0') < 0;
    }
}
