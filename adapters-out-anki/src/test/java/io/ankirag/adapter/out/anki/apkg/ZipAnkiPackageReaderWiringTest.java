package io.ankirag.adapter.out.anki.apkg;

import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.application.port.out.anki.ReadAnkiPackagePort;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

class ZipAnkiPackageReaderWiringTest {

    @Test
    void springProvidesTheReaderAsTheOutPort() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(ZipAnkiPackageReader.class)) {
            assertThat(context.getBean(ReadAnkiPackagePort.class)).isInstanceOf(ZipAnkiPackageReader.class);
        }
    }
}
