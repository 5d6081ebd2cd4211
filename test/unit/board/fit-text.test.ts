/**
 * Sticky text sizing: as large as fits, and a word is broken in two only when no size down to
 * the minimum keeps it whole. Measured here with a monospaced stand-in (every character 0.6 em).
 */
import { describe, expect, it } from 'vitest';
import { fitFontSize } from '../../../web/board/elements/fit-text';

const mono = (s: string) => s.length * 0.6;
const fit = (text: string, w = 132, h = 132) => fitFontSize(text, w, h, 28, 9, mono);

describe('fitFontSize', () => {
  it('a short idea is drawn at the largest size', () => {
    expect(fit('Ja')).toBe(28);
  });

  it('keeps the longest word on one line, shrinking until it fits', () => {
    // "Kennissessies" is 13 characters: whole at 132 / (13 × 0.6) ≈ 16.9 → 16.
    const size = fit('Kennissessies over inclusief werkgeverschap');
    expect(size).toBeLessThanOrEqual(16);
    expect(13 * 0.6 * size).toBeLessThanOrEqual(132);
    // …and no smaller than needed: one size up would break a word or overflow.
    expect(fit('Kennissessies over inclusief werkgeverschap')).toBeGreaterThanOrEqual(12);
  });

  it('more text, smaller letters; all lines fit the height', () => {
    const short = fit('Samen inkopen');
    const long = fit(
      'Samen inkopen bij sociale ondernemingen in de regio, met vaste afspraken over volumes en begeleiding op de werkvloer',
    );
    expect(long).toBeLessThan(short);
    expect(long).toBeGreaterThanOrEqual(9);
  });

  it('a word too long for any size is broken in two, never in more while a size avoids it', () => {
    // 26 characters = 15.6 em: two lines of 132 px need a size of at most 16.
    const size = fit('Arbeidsmarktregioafspraken');
    expect(size).toBe(16);
    expect(fit('a'.repeat(400))).toBe(9);
  });

  it('a hyphenated word breaks after its hyphen instead of mid-word', () => {
    // Whole, "Arbeidsmarktregio-afspraken" (27 characters) fits no size down to 9; its longest
    // piece "Arbeidsmarktregio-" (18) does up to 132 / (18 × 0.6) ≈ 12.2.
    expect(fit('Arbeidsmarktregio-afspraken met de gemeente')).toBe(12);
  });

  it('counts line breaks the author typed', () => {
    const oneLine = fit('een twee drie');
    const threeLines = fit('een\ntwee\ndrie\nvier\nvijf\nzes');
    expect(threeLines).toBeLessThan(oneLine);
  });

  it('without a measure given (no canvas here) it estimates and still answers', () => {
    expect(fitFontSize('Kennis delen', 132, 132)).toBeGreaterThan(9);
  });
});
