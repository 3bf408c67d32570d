/**
 * What an Anki package (.apkg, .colpkg) holds, as plain values: decks, note types, notes, cards and media, with
 * Anki's own ids. The records live here rather than beside {@link io.ankirag.application.port.out.anki.ReadAnkiPackagePort}
 * because {@code port.out} holds only port interfaces (an architecture rule in bootstrap).
 */
package io.ankirag.application.anki;
