"""An AnkiConnect-compatible server on the real Anki collection library (issue 8), as the sync tests' peer.

PyPI's anki-connect-server needs Python 3.12 or later; this one runs wherever the `anki` package does. It speaks
protocol version 6 for exactly the actions AnkiRAG sends, with AnkiConnect's own semantics (its `util.py` and
`__init__.py`): results as {result, error}, `multi` answering each inner action on its own, the key checked on every
action but `requestPermission`, duplicates judged by Anki's first-field check within the note type.

    python ankiconnect_peer.py COLLECTION PORT_FILE [--key KEY] [--port PORT]

binds 127.0.0.1 on PORT (a free one by default), writes the port to PORT_FILE once it listens, and serves each
connection on its own thread but one action at a time (a Collection is not thread-safe), until SIGTERM, when it
closes the collection so that others may open it.
"""

import argparse
import base64
import json
import os
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from anki.collection import Collection
from anki.models import MODEL_CLOZE

FIELDS_STATE_ERRORS = {
    1: "cannot create note because it is empty",
    2: "cannot create note because it is a duplicate",
    3: "cannot create note because it has no cloze deletions",
    4: "cannot create note because it is not a cloze note type",
    5: "cannot create note because a field is not a cloze field",
}


class PeerError(Exception):
    pass


class AnkiConnectPeer:
    def __init__(self, col, key):
        self.col = col
        self.key = key

    def handle(self, request):
        action = request.get("action")
        params = request.get("params") or {}
        version = request.get("version", 4)
        try:
            if action != "requestPermission" and self.key is not None and request.get("key") != self.key:
                raise PeerError("valid api key must be provided")
            method = getattr(self, "a_" + str(action), None)
            if method is None:
                raise PeerError("unsupported action")
            result = method(**params)
            return {"result": result, "error": None} if version > 4 else result
        except Exception as error:  # AnkiConnect answers every failure as the error string
            return {"result": None, "error": str(error)}

    # --- connection
    def a_version(self):
        return 6

    def a_requestPermission(self, **_):
        return {"permission": "granted", "requireApiKey": self.key is not None, "version": 6}

    def a_multi(self, actions):
        answers = []
        for inner in actions:
            answers.append(self.handle(inner))  # each inner action is checked for the key on its own
        return answers

    def a_sync(self):
        raise PeerError("not logged in to AnkiWeb")

    # --- decks and note types
    def a_deckNames(self):
        return [d.name for d in self.col.decks.all_names_and_ids()]

    def a_deckNamesAndIds(self):
        return {d.name: d.id for d in self.col.decks.all_names_and_ids()}

    def a_createDeck(self, deck):
        return self.col.decks.id(deck, create=True)

    def a_modelNames(self):
        return [m.name for m in self.col.models.all_names_and_ids()]

    def a_modelFieldNames(self, modelName):
        model = self.col.models.by_name(modelName)
        if model is None:
            raise PeerError("model was not found: " + modelName)
        return [field["name"] for field in model["flds"]]

    def a_modelNamesAndIds(self):
        return {m.name: m.id for m in self.col.models.all_names_and_ids()}

    def model(self, modelName):
        model = self.col.models.by_name(modelName)
        if model is None:
            raise PeerError("model was not found: " + modelName)
        return model

    def a_modelTemplates(self, modelName):
        return {t["name"]: {"Front": t["qfmt"], "Back": t["afmt"]} for t in self.model(modelName)["tmpls"]}

    def a_modelStyling(self, modelName):
        return {"css": self.model(modelName)["css"]}

    def a_createModel(self, modelName, inOrderFields, cardTemplates, css=None, isCloze=False):
        if self.col.models.by_name(modelName) is not None:
            raise PeerError("Model name already exists")
        models = self.col.models
        model = models.new(modelName)
        if isCloze:
            model["type"] = MODEL_CLOZE
        for name in inOrderFields:
            models.add_field(model, models.new_field(name))
        if css is not None:
            model["css"] = css
        for i, template in enumerate(cardTemplates):
            added = models.new_template(template.get("Name", "Card " + str(i + 1)))
            added["qfmt"] = template["Front"]
            added["afmt"] = template["Back"]
            models.add_template(model, added)
        models.add(model)
        return models.by_name(modelName)

    # --- notes
    def build_note(self, note):
        model = self.col.models.by_name(note["modelName"])
        if model is None:
            raise PeerError("model was not found: " + note["modelName"])
        deck = self.col.decks.id_for_name(note["deckName"])
        if deck is None:
            raise PeerError("deck was not found: " + note["deckName"])
        created = self.col.new_note(model)
        for name, value in note["fields"].items():
            if name in created:
                created[name] = value
        created.tags = list(note.get("tags") or [])
        return created, deck

    def check(self, note):
        created, deck = self.build_note(note)
        state = created.fields_check()
        if state != 0:
            raise PeerError(FIELDS_STATE_ERRORS.get(int(state), "cannot create note"))
        return created, deck

    def a_canAddNotesWithErrorDetail(self, notes):
        answers = []
        for note in notes:
            try:
                self.check(note)
                answers.append({"canAdd": True})
            except Exception as error:
                answers.append({"canAdd": False, "error": str(error)})
        return answers

    def a_canAddNotes(self, notes):
        return [answer["canAdd"] for answer in self.a_canAddNotesWithErrorDetail(notes)]

    def a_addNote(self, note):
        created, deck = self.check(note)
        self.col.add_note(created, deck)
        return created.id

    def a_addNotes(self, notes):
        # The new add-on's behaviour: one failure fails the call and removes the notes it had added.
        added = []
        try:
            for note in notes:
                added.append(self.a_addNote(note))
        except Exception as error:
            if added:
                self.col.remove_notes(added)
            raise PeerError(str(error))
        return added

    def a_findNotes(self, query):
        return list(self.col.find_notes(query))

    def a_notesInfo(self, notes):
        answers = []
        for nid in notes:
            try:
                note = self.col.get_note(nid)
            except Exception:
                answers.append({})
                continue
            model = note.note_type()
            answers.append({
                "noteId": note.id,
                "modelName": model["name"],
                "tags": list(note.tags),
                "fields": {f["name"]: {"value": note.fields[f["ord"]], "order": f["ord"]} for f in model["flds"]},
                "cards": list(note.card_ids()),
                "mod": note.mod,
            })
        return answers

    def a_cardsInfo(self, cards):
        answers = []
        for cid in cards:
            card = self.col.get_card(cid)
            answers.append({"cardId": card.id, "note": card.nid, "deckName": self.col.decks.name(card.did),
                            "ord": card.ord})
        return answers

    def a_updateNoteFields(self, note):
        stored = self.col.get_note(note["id"])
        for name, value in note["fields"].items():
            if name in stored:
                stored[name] = value
        self.col.update_note(stored)
        return None

    def a_updateNoteTags(self, note, tags):
        stored = self.col.get_note(note)
        stored.tags = list(tags)
        self.col.update_note(stored)
        return None

    # --- media
    def a_storeMediaFile(self, filename, data):
        path = os.path.join(self.col.media.dir(), filename)
        if os.path.exists(path):
            os.remove(path)
        return self.col.media.write_data(filename, base64.b64decode(data))

    def a_retrieveMediaFile(self, filename):
        path = os.path.join(self.col.media.dir(), filename)
        if not os.path.isfile(path):
            return False
        with open(path, "rb") as file:
            return base64.b64encode(file.read()).decode("ascii")


def serve(collection, port_file, key, port):
    col = Collection(collection)
    peer = AnkiConnectPeer(col, key)
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            try:
                request = json.loads(body)
                with lock:
                    answer = peer.handle(request)
            except json.JSONDecodeError as error:
                answer = {"result": None, "error": str(error)}
            data = json.dumps(answer).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_):
            pass

    ThreadingHTTPServer.allow_reuse_address = True
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)

    def stop(*_):
        with lock:
            col.close()
            os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    with open(port_file + ".tmp", "w") as out:
        out.write(str(server.server_address[1]))
    os.replace(port_file + ".tmp", port_file)
    try:
        server.serve_forever()
    finally:
        col.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("collection")
    parser.add_argument("port_file")
    parser.add_argument("--key")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    serve(args.collection, args.port_file, args.key, args.port)
    sys.exit(0)
