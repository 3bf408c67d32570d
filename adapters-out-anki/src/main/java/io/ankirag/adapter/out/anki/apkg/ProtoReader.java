package io.ankirag.adapter.out.anki.apkg;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Just enough of the protobuf wire format to read Anki's few messages (package meta, media list, note type and
 * template configs): a hand-written reader instead of protoc-generated classes, which would need protoc and
 * Anki's .proto files in the build for five fields. Malformed input throws {@link MalformedProtobufException}.
 */
final class ProtoReader {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] bytes;
    private int position;
    private int wireType = -1;

    ProtoReader(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Moves to the next field and returns its number, or -1 at the end of the message. */
    int nextField() {
        if (position >= bytes.length) {
            return -1;
        }
        long tag = readVarint();
        wireType = (int) (tag & 7);
        long field = tag >>> 3;
        if (field < 1 || field > 536_870_911) {
            throw new MalformedProtobufException("field number " + field + " out of range");
        }
        return (int) field;
    }

    int wireType() {
        return wireType;
    }

    long varint() {
        expect(VARINT);
        return readVarint();
    }

    byte[] bytes() {
        expect(LENGTH_DELIMITED);
        long length = readVarint();
        if (length < 0 || length > bytes.length - position) {
            throw new MalformedProtobufException("length " + length + " runs past the message");
        }
        byte[] value = Arrays.copyOfRange(bytes, position, position + (int) length);
        position += (int) length;
        return value;
    }

    String string() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /** Skips the current field's value, whatever its type; groups (deprecated, unused by Anki) are refused. */
    void skip() {
        switch (wireType) {
            case VARINT -> readVarint();
            case FIXED64 -> advance(8);
            case LENGTH_DELIMITED -> bytes();
            case FIXED32 -> advance(4);
            default -> throw new MalformedProtobufException("unsupported wire type " + wireType);
        }
    }

    private void expect(int type) {
        if (wireType != type) {
            throw new MalformedProtobufException("wire type " + wireType + " where " + type + " was expected");
        }
    }

    private void advance(int count) {
        if (count > bytes.length - position) {
            throw new MalformedProtobufException("value runs past the message");
        }
        position += count;
    }

    private long readVarint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= bytes.length) {
                throw new MalformedProtobufException("varint runs past the message");
            }
            byte b = bytes[position++];
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new MalformedProtobufException("varint longer than 10 bytes");
    }

    static final class MalformedProtobufException extends RuntimeException {

        MalformedProtobufException(String message) {
            super(message);
        }
    }
}
