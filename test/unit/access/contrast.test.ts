/**
 * WCAG 2.2 AA over the board's palettes (web/board/contrast.ts): every sticky colour with its
 * text and marks, every building block with the text drawn on it, every person's colour with the
 * white name on a cursor, and the app's muted text on its surfaces.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOCK_CATALOGUE, STICKY_COLORS, STICKY_FILL } from '../../../workshops';
import { PERSON_COLOURS } from '../../../web/app/storage';
import {
  AA_TEXT,
  INK,
  INK_MUTED,
  PAPER,
  contrastRatio,
  relativeLuminance,
  textOn,
} from '../../../web/board/contrast';

describe('contrast computation', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(relativeLuminance('#fff')).toBeCloseTo(1, 5);
    // Known pairs: #767676 on white is the classic 4.54:1, #777 just fails.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(AA_TEXT);
    // Symmetric.
    expect(contrastRatio('#2563eb', '#fff176')).toBeCloseTo(contrastRatio('#fff176', '#2563eb'));
  });

  it('picks the text colour that contrasts most', () => {
    expect(textOn('#111827')).toBe(PAPER);
    expect(textOn('#fff176')).toBe(INK);
  });
});

describe('palettes pass AA', () => {
  it.each(STICKY_COLORS.map((c) => [c, STICKY_FILL[c]]))('sticky %s (%s)', (_, fill) => {
    expect(contrastRatio(fill, INK)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio(fill, INK_MUTED)).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it.each(BLOCK_CATALOGUE.map((k) => [k.id, k.color]))('block %s (%s)', (_, fill) => {
    expect(contrastRatio(fill, textOn(fill))).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it.each(PERSON_COLOURS.map((c) => [c]))('person colour %s with a white name', (c) => {
    expect(contrastRatio(c, '#ffffff')).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it('muted and body text on every surface of the app', () => {
    const css = readFileSync(
      resolve(import.meta.dirname, '../../../web/styles/global.css'),
      'utf8',
    );
    const token = (name: string) => {
      const m = new RegExp(`--${name}:\\s*(#[0-9a-f]{3,6})`, 'i').exec(css);
      if (!m?.[1]) throw new Error(`no --${name}`);
      return m[1];
    };
    for (const surface of [token('wb-bg'), token('wb-surface'), '#f1f5f9', '#eff6ff']) {
      expect(contrastRatio(token('wb-muted'), surface)).toBeGreaterThanOrEqual(AA_TEXT);
      expect(contrastRatio(token('wb-text'), surface)).toBeGreaterThanOrEqual(AA_TEXT);
    }
    expect(contrastRatio(token('wb-primary'), '#ffffff')).toBeGreaterThanOrEqual(AA_TEXT);
  });
});
