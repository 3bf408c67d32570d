// anki-apkg-export (npm), an independent writer of legacy packages: a schema 11 collection.anki2 built with sql.js
// from its own template, and a JSON media map. Writes OUT/anki-apkg-export.apkg and OUT/anki-apkg-export-manifest.json
// (what the package must hold) and answers the package's name as JSON on stdout.
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const AnkiExport = require('anki-apkg-export').default;

const DECK = 'Npm Export::Shared Deck';
const CSS = '.card { font-family: Verdana; color: navy; }\n';
const QUESTION = '{{Front}}';
const ANSWER = '{{FrontSide}}\n\n<hr id="answer">\n\n{{Back}}';

// A 1x1 transparent GIF and a few bytes standing in for an MP3: the package keeps media as opaque bytes.
const MEDIA = {
  'npm-pixel.gif': Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
  'npm-sound.mp3': Buffer.from('ID3\u0003\u0000\u0000\u0000\u0000\u0000\u0000npm-sound', 'latin1'),
};

// [front, back, tags as given, tags as stored: spaces become underscores]
const NOTES = [
  ['Capital of Italy?', 'Rome', ['geography', 'europe'], ['geography', 'europe']],
  ['Pixel <img src="npm-pixel.gif" />', 'a 1x1 GIF [sound:npm-sound.mp3]', ['media test'], ['media_test']],
  ['&lt;b&gt; means?', '<b>bold</b> — ünïcödé', [], []],
];

function sha1(data) {
  return crypto.createHash('sha1').update(data).digest('hex');
}

async function main(out) {
  fs.mkdirSync(out, { recursive: true });
  const apkg = new AnkiExport(DECK, { questionFormat: QUESTION, answerFormat: ANSWER, css: CSS });
  for (const [name, data] of Object.entries(MEDIA)) {
    apkg.addMedia(name, data);
  }
  for (const [front, back, tags] of NOTES) {
    apkg.addCard(front, back, { tags });
  }
  fs.writeFileSync(path.join(out, 'anki-apkg-export.apkg'), await apkg.save(), 'binary');
  const deck = DECK.split('::');
  const manifest = {
    writer: 'anki-apkg-export',
    packages: {
      'anki-apkg-export.apkg': {
        format: 'LEGACY_ANKI2',
        kind: 'apkg',
        notes: NOTES.map(([front, back, , stored]) => ({
          id: null,
          guid: null,
          // The library names its one note type after the deck.
          note_type: DECK,
          fields: [front, back],
          tags: stored,
          cards: [{ ordinal: 0, deck }],
        })),
        note_types: [{
          name: DECK,
          kind: 'STANDARD',
          fields: ['Front', 'Back'],
          templates: [{ name: 'Card 1', front: QUESTION, back: ANSWER }],
          css: CSS,
        }],
        card_decks: [deck],
        decks: null,
        media: Object.fromEntries(Object.entries(MEDIA).map(([name, data]) => [name, sha1(data)])),
      },
    },
  };
  fs.writeFileSync(path.join(out, 'anki-apkg-export-manifest.json'), JSON.stringify(manifest, null, 1));
  process.stdout.write(JSON.stringify({ packages: ['anki-apkg-export.apkg'] }) + '\n');
}

main(process.argv[2]).catch((error) => {
  process.stderr.write(String(error && error.stack || error) + '\n');
  process.exit(1);
});
