package io.ankirag.adapter.out.anki.apkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.adapter.out.anki.apkg.ProtoReader.MalformedProtobufException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ProtoReaderTest {

    private static ProtoReader reader(String hex) {
        return new ProtoReader(HexFormat.of().parseHex(hex));
    }

    @Test
    void readsPackageMetadataVersion() {
        ProtoReader meta = reader("0803");

        assertThat(meta.nextField()).isEqualTo(1);
        assertThat(meta.varint()).isEqualTo(3);
        assertThat(meta.nextField()).isEqualTo(-1);
    }

    @Test
    void readsMultiByteVarintsAndNegativeInt64() {
        ProtoReader message = reader("08ac02" + "10ffffffffffffffffff01");

        assertThat(message.nextField()).isEqualTo(1);
        assertThat(message.varint()).isEqualTo(300);
        assertThat(message.nextField()).isEqualTo(2);
        assertThat(message.varint()).isEqualTo(-1);
    }

    @Test
    void readsStringsAndNestedMessages() {
        // MediaEntries { entries { name: "a.jpg" size: 3 } }
        ProtoReader entries = reader("0a09" + "0a05612e6a7067" + "1003");

        assertThat(entries.nextField()).isEqualTo(1);
        ProtoReader entry = new ProtoReader(entries.bytes());
        assertThat(entry.nextField()).isEqualTo(1);
        assertThat(entry.string()).isEqualTo("a.jpg");
        assertThat(entry.nextField()).isEqualTo(2);
        assertThat(entry.varint()).isEqualTo(3);
        assertThat(entry.nextField()).isEqualTo(-1);
        assertThat(entries.nextField()).isEqualTo(-1);
    }

    @Test
    void skipsFieldsOfEveryWireType() {
        // 1: varint, 2: fixed64, 3: bytes, 4: fixed32, then 5: varint 7
        ProtoReader message = reader("0801" + "110102030405060708" + "1a026869" + "2501020304" + "2807");

        for (int i = 0; i < 4; i++) {
            message.nextField();
            message.skip();
        }
        assertThat(message.nextField()).isEqualTo(5);
        assertThat(message.varint()).isEqualTo(7);
    }

    @Test
    void readsFieldNumbersAboveFifteen() {
        // field 255, varint 9: Anki's "other" and "legacy_zip_filename" fields use this number
        ProtoReader message = reader("f80f09");

        assertThat(message.nextField()).isEqualTo(255);
        assertThat(message.varint()).isEqualTo(9);
    }

    @Test
    void refusesTruncatedOrMalformedInput() {
        assertThatThrownBy(() -> {
            ProtoReader truncatedVarint = reader("0880");
            truncatedVarint.nextField();
            truncatedVarint.varint();
        }).isInstanceOf(MalformedProtobufException.class);
        assertThatThrownBy(() -> {
            ProtoReader longLength = reader("0a05616263");
            longLength.nextField();
            longLength.bytes();
        }).isInstanceOf(MalformedProtobufException.class).hasMessageContaining("runs past");
        assertThatThrownBy(() -> {
            ProtoReader hugeLength = reader("0affffffff0f");
            hugeLength.nextField();
            hugeLength.bytes();
        }).isInstanceOf(MalformedProtobufException.class);
        assertThatThrownBy(() -> reader("ffffffffffffffffffffff").nextField())
                .isInstanceOf(MalformedProtobufException.class).hasMessageContaining("longer than 10 bytes");
        assertThatThrownBy(() -> reader("00").nextField())
                .isInstanceOf(MalformedProtobufException.class).hasMessageContaining("field number 0");
        assertThatThrownBy(() -> {
            ProtoReader group = reader("0b");
            group.nextField();
            group.skip();
        }).isInstanceOf(MalformedProtobufException.class).hasMessageContaining("wire type 3");
        assertThatThrownBy(() -> {
            ProtoReader wrongType = reader("0a00");
            wrongType.nextField();
            wrongType.varint();
        }).isInstanceOf(MalformedProtobufException.class);
    }
}
