import { describe, expect, it } from 'vitest';
import { PREVIEW_LENGTH, previewOf } from '../../../src/domain/message.js';
import { hasControlOrFormat, isBlank, isWellFormed, normaliseContent } from '../../../src/domain/validation-rules.js';

describe('text rules', () => {
  it('tells lone surrogates from pairs', () => {
    expect(isWellFormed('plain and \u{1F600}')).toBe(true);
    expect(isWellFormed('\ud800')).toBe(false);
    expect(isWellFormed('a\udfffb')).toBe(false);
    expect(isWellFormed('\udc00\ud800')).toBe(false);
  });

  it('counts text with nothing visible as blank', () => {
    for (const blank of ['', ' \t\n', '\u200b\u200c\u200d', '\u2800', '\u3164\uffa0', '\ufe0f', '\u202e', '\u034f']) {
      expect(isBlank(blank), JSON.stringify(blank)).toBe(true);
    }
    for (const visible of ['a', '\u{1F44D}', '\u0301e', '.', '\u05d0']) {
      expect(isBlank(visible), JSON.stringify(visible)).toBe(false);
    }
  });

  it('finds control and format characters', () => {
    for (const bad of ['\u0000', '\u007f', '\u200b', '\u202e', '\u2066', '\ufeff'])
      expect(hasControlOrFormat(bad)).toBe(true);
    expect(hasControlOrFormat('alice@example.com')).toBe(false);
  });

  it('normalises content: trimmed, visible, bounded, well-formed', () => {
    expect(normaliseContent('  hi  ')).toBe('hi');
    expect(normaliseContent('\u200b')).toBeNull();
    expect(normaliseContent('hi \ud800')).toBeNull();
    expect(normaliseContent('x'.repeat(1001))).toBeNull();
  });

  it('cuts previews between graphemes, within the length, marked with an ellipsis', () => {
    const flag = '\u{1F1EB}\u{1F1F7}';
    const skin = '\u{1F44D}\u{1F3FD}';
    for (const filler of [97, 98, 99]) {
      for (const cluster of [flag, skin, 'e\u0301']) {
        const content = `${'x'.repeat(filler)}${cluster}${'y'.repeat(20)}`;
        const preview = previewOf(content);
        expect(preview.length).toBeLessThanOrEqual(PREVIEW_LENGTH);
        expect(isWellFormed(preview)).toBe(true);
        expect(preview.endsWith('…')).toBe(true);
        const kept = preview.slice(0, -1);
        expect(content.startsWith(kept)).toBe(true);
        expect([filler, filler + cluster.length]).toContain(kept.length);
      }
    }
    expect(previewOf('short \u{1F600}')).toBe('short \u{1F600}');
  });
});
