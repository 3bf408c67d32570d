"""genanki (PyPI), an independent writer of legacy packages: collection.anki2 at schema 11 and a JSON media map,
without Anki's code. Writes OUT/genanki.apkg and OUT/genanki-manifest.json (what the package must hold) and answers
the package's name as JSON on stdout.
"""

import json
import os
import sys
import tempfile

import genanki

from peer_media import png, sha1, wav

CSS = ".card { font-family: 'DejaVu Sans'; }\n.genanki-term { color: darkgreen; }\n"

BASIC = genanki.Model(
    1607392319, "Genanki Basic",
    fields=[{"name": "Question"}, {"name": "Answer"}],
    templates=[{"name": "Card 1", "qfmt": "{{Question}}", "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}"}],
    css=CSS)

CLOZE = genanki.Model(
    1607392320, "Genanki Cloze",
    fields=[{"name": "Text"}, {"name": "Extra"}],
    templates=[{"name": "Cloze", "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}<br>{{Extra}}"}],
    css=CSS, model_type=genanki.Model.CLOZE)

TERM = genanki.Model(
    1607392321, "Genanki Term",
    fields=[{"name": "Term"}, {"name": "Definition"}, {"name": "Source"}, {"name": "Diagram"}],
    templates=[
        {"name": "Define", "qfmt": '<span class="genanki-term">{{Term}}</span>',
         "afmt": "{{FrontSide}}<hr id=answer>{{Definition}}<br>{{Diagram}}<br><small>{{Source}}</small>"},
        {"name": "Name it", "qfmt": "{{Definition}}", "afmt": "{{FrontSide}}<hr id=answer>{{Term}}"},
    ],
    css=CSS)

DECKS = {
    "Genanki::Biology::Cells": 2059400110,
    "Genanki::Biology": 2059400111,
    "Genanki::Chemistry": 2059400112,
}

MEDIA = {
    "genanki-cell.png": png(4, 4, (10, 160, 60)),
    "genanki-tone.wav": wav(period=4),
}

# (deck, model, fields, tags, guid, card ordinals)
NOTES = [
    ("Genanki::Biology::Cells", BASIC, ["What holds a cell's DNA?", "The nucleus"], ["biology::cells"], "gk-basic-1", [0]),
    ("Genanki::Biology::Cells", TERM,
     ["Mitochondrion", "Where respiration happens", "Textbook, ch. 3", '<img src="genanki-cell.png">'],
     ["biology", "organelles"], "gk-term-1", [0, 1]),
    ("Genanki::Biology", CLOZE, ["{{c1::Osmosis}} moves {{c2::water}} across a {{c3::membrane}}", "[sound:genanki-tone.wav]"],
     ["biology"], "gk-cloze-1", [0, 1, 2]),
    ("Genanki::Chemistry", CLOZE, ["{{c2::H2O}} is {{c2::water}}", ""], [], "gk-cloze-2", [1]),
    ("Genanki::Chemistry", BASIC, ["Symbol of sodium?", "Na &lt;11&gt;"], ["chemistry", "élément"], "gk-basic-2", [0]),
]


def model_manifest(model):
    return {
        "name": model.name,
        "kind": "CLOZE" if model.model_type == genanki.Model.CLOZE else "STANDARD",
        "fields": [field["name"] for field in model.fields],
        "templates": [{"name": t["name"], "front": t["qfmt"], "back": t["afmt"]} for t in model.templates],
        "css": model.css,
    }


def main(out):
    os.makedirs(out, exist_ok=True)
    decks = {name: genanki.Deck(deck_id, name) for name, deck_id in DECKS.items()}
    notes = []
    for deck, model, fields, tags, guid, ordinals in NOTES:
        decks[deck].add_note(genanki.Note(model=model, fields=fields, tags=tags, guid=guid))
        notes.append({"id": None, "guid": guid, "note_type": model.name, "fields": fields, "tags": tags,
                      "cards": [{"ordinal": ordinal, "deck": deck.split("::")} for ordinal in ordinals]})
    with tempfile.TemporaryDirectory() as media_dir:
        paths = []
        for name, data in MEDIA.items():
            path = os.path.join(media_dir, name)
            with open(path, "wb") as file:
                file.write(data)
            paths.append(path)
        genanki.Package(list(decks.values()), media_files=paths).write_to_file(os.path.join(out, "genanki.apkg"))
    manifest = {"writer": "genanki", "packages": {"genanki.apkg": {
        "format": "LEGACY_ANKI2",
        "kind": "apkg",
        "notes": notes,
        "note_types": [model_manifest(model) for model in (BASIC, CLOZE, TERM)],
        "card_decks": sorted({tuple(deck.split("::")) for deck, *_ in NOTES}),
        "decks": None,
        "media": {name: sha1(data) for name, data in MEDIA.items()},
    }}}
    with open(os.path.join(out, "genanki-manifest.json"), "w", encoding="utf-8") as file:
        json.dump(manifest, file, ensure_ascii=False, indent=1)
    json.dump({"packages": ["genanki.apkg"]}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
