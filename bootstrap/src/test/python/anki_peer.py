"""The real Anki as a test peer (issue 5): the `anki` package from PyPI is Anki desktop's own Rust core.

Subcommands, each answering one JSON object on stdout:

  generate OUT             a collection with every kind of content, exported in every format this Anki writes;
                           OUT/manifest.json says what each package holds, read back through Anki itself
  import COLLECTION PKG    imports an .apkg into the collection (created when missing), as Anki desktop's
                           default import does; answers the import log, what Empty Cards and Check Database
                           find afterwards, and the collection's contents
  export COLLECTION OUT    exports the whole collection as an .apkg (--legacy: "support older Anki versions")
  contents COLLECTION      the collection's notes, decks, note types and media
"""

import argparse
import json
import os
import sys

from anki.collection import Collection, DeckIdLimit, ExportAnkiPackageOptions, ImportAnkiPackageOptions, \
    ImportAnkiPackageRequest

from peer_media import png, sha1, wav

# A font file the note type uses: Anki exports media whose names start with "_" with the note types naming them.
PEER_CSS = """@font-face { font-family: peer; src: url("_peer-font.woff2"); }
.card { font-family: peer, Georgia, serif; font-size: 22px; text-align: center; }
.peer-word { color: #0055aa; font-weight: bold; }
.peer-example { font-style: italic; }
"""

# (deck, note type, fields, tags): what the generated collection holds.
NOTES = [
    ("Peer Languages::French", "Basic", ["<b>bonjour</b>", "hello"], ["french", "greeting"]),
    ("Peer Languages::French::Verbs", "Basic (and reversed card)", ["être", "to be"],
     ["french::verbs", "verbe_irrégulier"]),
    ("Peer Languages::French", "Cloze", ["{{c1::Paris::capital}} is the capital of {{c2::France}}", "Île-de-France"],
     ["geography"]),
    ("Peer Music", "Cloze", ["A major triad: {{c1::C}} {{c2::E}} {{c1::G}}", ""], ["music", "chords"]),
    ("Peer Languages", "Peer Vocabulary",
     ["der Hund", "the dog", "Der Hund bellt &amp; spielt.", '<img src="peer-dog.png">', "[sound:peer-bark.wav]"],
     ["german", "animals"]),
    ("Peer Languages", "Peer Vocabulary",
     ["die Katze", "the cat", "Die Katze schläft<br>auf dem Sofa.", '<img src="peer cat photo.png">',
      '<audio controls src="peer-purr.wav"></audio>'],
     ["german"]),
    ("Peer Music", "Basic", ["Robert'); DROP TABLE notes;--", "<div>stored as text,<br>never run</div>"], []),
]

MEDIA = {
    "peer-dog.png": png(3, 2, (200, 120, 40)),
    "peer cat photo.png": png(2, 2, (90, 90, 90)),
    "peer-bark.wav": wav(),
    "peer-purr.wav": wav(period=25),
    "_peer-font.woff2": b"wOF2\x00\x01\x00\x00 not really a font",
}


def open_collection(path):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    return Collection(path)


def add_vocabulary_type(col):
    models = col.models
    vocabulary = models.new("Peer Vocabulary")
    for name in ["Word", "Meaning", "Example", "Picture", "Audio"]:
        models.add_field(vocabulary, models.new_field(name))
    recognition = models.new_template("Recognition")
    recognition["qfmt"] = '<div class="peer-word">{{Word}}</div>{{Picture}}'
    recognition["afmt"] = '{{FrontSide}}<hr id=answer>{{Meaning}}<div class="peer-example">{{Example}}</div>{{Audio}}'
    recall = models.new_template("Recall")
    recall["qfmt"] = "{{Meaning}}"
    recall["afmt"] = '{{FrontSide}}<hr id=answer><div class="peer-word">{{Word}}</div>{{Audio}}'
    models.add_template(vocabulary, recognition)
    models.add_template(vocabulary, recall)
    vocabulary["css"] = PEER_CSS
    models.add(vocabulary)


def build(col):
    for name, data in MEDIA.items():
        stored = col.media.write_data(name, data)
        if stored != name:
            raise SystemExit(f"Anki stored media {name!r} as {stored!r}")
    add_vocabulary_type(col)
    # Users restyle the stock note types; AnkiRAG maps them onto its own Basic, which must not undo that.
    basic = col.models.by_name("Basic")
    basic["css"] += ".card { background: #fdf6e3; }\n"
    col.models.update_dict(basic)
    for deck, note_type, fields, tags in NOTES:
        note = col.new_note(col.models.by_name(note_type))
        for i, value in enumerate(fields):
            note.fields[i] = value
        note.tags = list(tags)
        col.add_note(note, col.decks.id(deck))
    # An empty deck: a collection package carries it, an .apkg only the decks of its cards and their parents.
    col.decks.id("Peer Music::Empty")


def note_types(col):
    result = []
    for model in col.models.all():
        result.append({
            "id": model["id"],
            "name": model["name"],
            "kind": "CLOZE" if model["type"] == 1 else "STANDARD",
            "fields": [field["name"] for field in model["flds"]],
            "templates": [{"name": t["name"], "front": t["qfmt"], "back": t["afmt"]} for t in model["tmpls"]],
            "css": model["css"],
        })
    return result


def contents(col):
    decks = {d.id: d.name for d in col.decks.all_names_and_ids()}
    types = {t["id"]: t["name"] for t in note_types(col)}
    notes = []
    for nid in sorted(col.find_notes("")):
        note = col.get_note(nid)
        notes.append({
            "id": note.id,
            "guid": note.guid,
            "note_type": types[note.mid],
            "note_type_id": note.mid,
            "fields": list(note.fields),
            "tags": list(note.tags),
            "cards": sorted(({"ordinal": card.ord, "deck": decks[card.did].split("::")} for card in note.cards()),
                            key=lambda card: card["ordinal"]),
        })
    media_dir = col.media.dir()
    media = {name: sha1(open(os.path.join(media_dir, name), "rb").read())
             for name in sorted(os.listdir(media_dir)) if os.path.isfile(os.path.join(media_dir, name))}
    return {
        "notes": notes,
        "decks": sorted(name.split("::") for name in decks.values()),
        "note_types": note_types(col),
        "media": media,
        "card_count": col.card_count(),
    }


def referenced(notes, note_types):
    """The media files the notes' fields name, and the "_" files their note types' CSS or templates name."""
    texts = [value for note in notes for value in note["fields"]]
    underscored = [text for t in note_types for text in [t["css"]] + [x for tm in t["templates"] for x in tm.values()]]
    return {name for name in MEDIA
            if any(f'src="{name}"' in text or f"[sound:{name}]" in text for text in texts)
            or name.startswith("_") and any(name in text for text in underscored)}


def package_manifest(whole, format_name, kind, notes):
    used_types = {note["note_type"] for note in notes}
    referenced_media = referenced(notes, [t for t in whole["note_types"] if t["name"] in used_types])
    media = {name: digest for name, digest in whole["media"].items()
             if kind == "colpkg" or name in referenced_media}
    card_decks = sorted({tuple(card["deck"]) for note in notes for card in note["cards"]})
    return {
        "format": format_name,
        "kind": kind,
        "notes": notes,
        "note_types": [t for t in whole["note_types"] if kind == "colpkg" or t["name"] in used_types],
        "card_decks": [list(deck) for deck in card_decks],
        "decks": whole["decks"] if kind == "colpkg" else None,
        "media": media,
    }


def generate(out):
    os.makedirs(out, exist_ok=True)
    col = open_collection(os.path.join(out, "collection", "peer.anki2"))
    try:
        build(col)
        whole = contents(col)
        packages = {}

        def apkg(name, legacy, limit=None, with_scheduling=False):
            col.export_anki_package(out_path=os.path.join(out, name),
                                    options=ExportAnkiPackageOptions(with_scheduling=with_scheduling,
                                                                     with_deck_configs=with_scheduling,
                                                                     with_media=True, legacy=legacy),
                                    limit=limit)

        apkg("anki-latest.apkg", legacy=False, with_scheduling=True)
        packages["anki-latest.apkg"] = package_manifest(whole, "LATEST_ANKI21B", "apkg", whole["notes"])
        apkg("anki-legacy.apkg", legacy=True)
        packages["anki-legacy.apkg"] = package_manifest(whole, "LEGACY_ANKI21", "apkg", whole["notes"])

        french = col.decks.id_for_name("Peer Languages::French")
        french_notes = [n for n in whole["notes"] if any(c["deck"][:2] == ["Peer Languages", "French"] for c in n["cards"])]
        apkg("anki-latest-french.apkg", legacy=False, limit=DeckIdLimit(deck_id=french))
        packages["anki-latest-french.apkg"] = package_manifest(whole, "LATEST_ANKI21B", "apkg", french_notes)

        col.export_collection_package(os.path.join(out, "anki-latest.colpkg"), include_media=True, legacy=False)
        packages["anki-latest.colpkg"] = package_manifest(whole, "LATEST_ANKI21B", "colpkg", whole["notes"])
        # Exporting a collection package closes the collection; reopen it for the next one.
        col.reopen()
        col.export_collection_package(os.path.join(out, "anki-legacy.colpkg"), include_media=True, legacy=True)
        packages["anki-legacy.colpkg"] = package_manifest(whole, "LEGACY_ANKI21", "colpkg", whole["notes"])
    finally:
        col.close()
    manifest = {"writer": "anki", "packages": packages}
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as file:
        json.dump(manifest, file, ensure_ascii=False, indent=1)
    return {"packages": sorted(packages)}


def import_package(collection, package):
    col = open_collection(collection)
    try:
        response = col.import_anki_package(ImportAnkiPackageRequest(
            package_path=os.path.abspath(package),
            options=ImportAnkiPackageOptions(with_scheduling=False, with_deck_configs=False, merge_notetypes=False)))
        log = response.log
        counts = {kind: len(getattr(log, kind)) for kind in
                  ["new", "updated", "duplicate", "conflicting", "first_field_match", "missing_notetype",
                   "missing_deck", "empty_first_field"]}
        empty = col.get_empty_cards()
        return {
            "log": counts,
            "found_notes": log.found_notes,
            # What Tools > Empty Cards would offer to delete: cards whose front shows nothing.
            "empty_cards": sum(len(note.card_ids) for note in empty.notes),
            # What Tools > Check Database would fix; it fixes it here too, so this comes last but one.
            "database_problems": list(col._backend.check_database()),
            "collection": contents(col),
        }
    finally:
        col.close()


def export_package(collection, out, legacy):
    col = open_collection(collection)
    try:
        count = col.export_anki_package(out_path=os.path.abspath(out),
                                        options=ExportAnkiPackageOptions(with_scheduling=False, with_deck_configs=False,
                                                                         with_media=True, legacy=legacy),
                                        limit=None)
        return {"notes": count}
    finally:
        col.close()


def show_contents(collection):
    col = open_collection(collection)
    try:
        return contents(col)
    finally:
        col.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("generate").add_argument("out")
    importing = commands.add_parser("import")
    importing.add_argument("collection")
    importing.add_argument("package")
    exporting = commands.add_parser("export")
    exporting.add_argument("collection")
    exporting.add_argument("out")
    exporting.add_argument("--legacy", action="store_true")
    commands.add_parser("contents").add_argument("collection")
    args = parser.parse_args()
    if args.command == "generate":
        result = generate(args.out)
    elif args.command == "import":
        result = import_package(args.collection, args.package)
    elif args.command == "export":
        result = export_package(args.collection, args.out, args.legacy)
    else:
        result = show_contents(args.collection)
    json.dump(result, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
