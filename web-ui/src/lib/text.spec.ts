import { describe, expect, it } from 'vitest';
import { clozeOrdinals, plainText, splitTags } from './text';

describe('text helpers', () => {
  it('shows a field as plain text, with cloze answers and no markup', () => {
    expect(plainText('<b>{{c1::Paris}}</b> is the capital of {{c2::France::country}}<br>')).toBe('Paris is the capital of France');
    expect(plainText('<img src=x onerror="alert(1)">caption')).toBe('caption');
    expect(plainText('a'.repeat(300), 10)).toBe('aaaaaaaaa…');
    expect(plainText('Chlorophyll<br><div class="sources">Sources: x</div>')).toBe('Chlorophyll Sources: x');
  });

  it('finds the cloze numbers a note uses', () => {
    expect(clozeOrdinals({ Text: '{{c2::b}} {{c1::a}} {{c2::c}}', Extra: '{{c10::x}}' })).toEqual([1, 2, 10]);
    expect(clozeOrdinals({ Front: 'no cloze' })).toEqual([]);
  });

  it('splits tags on spaces and commas, once each', () => {
    expect(splitTags(' bio, cells  bio ')).toEqual(['bio', 'cells']);
  });
});
