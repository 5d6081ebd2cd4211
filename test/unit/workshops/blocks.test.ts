import { describe, expect, it } from 'vitest';
import {
  BLOCK_CATALOGUE,
  BLOCK_GROUPS,
  BLOCK_GROUP_LABELS,
  BLOCK_SHAPES,
  blockInk,
  blockKind,
  blocksInGroup,
} from '../../../workshops';

describe('building-block catalogue', () => {
  it('has unique ids that blockKind finds', () => {
    const ids = BLOCK_CATALOGUE.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const b of BLOCK_CATALOGUE) expect(blockKind(b.id)).toBe(b);
    expect(blockKind('no-such-block')).toBeUndefined();
  });

  it('gives every kind its own colour and icon, and no two kinds the same look', () => {
    const looks = BLOCK_CATALOGUE.map((b) => `${b.shape}|${b.color.toLowerCase()}|${b.icon}`);
    expect(new Set(looks).size).toBe(looks.length);
    const colours = BLOCK_CATALOGUE.map((b) => b.color.toLowerCase());
    expect(new Set(colours).size).toBe(colours.length);
    const icons = BLOCK_CATALOGUE.map((b) => b.icon);
    expect(new Set(icons).size).toBe(icons.length);
  });

  it('uses known shapes and groups, hex colours, one-glyph icons', () => {
    for (const b of BLOCK_CATALOGUE) {
      expect(BLOCK_SHAPES).toContain(b.shape);
      expect(BLOCK_GROUPS).toContain(b.group);
      expect(b.color).toMatch(/^#[0-9a-f]{6}$/i);
      expect([...b.icon].length).toBeGreaterThanOrEqual(1);
      expect([...b.icon].length).toBeLessThanOrEqual(2);
      // BMP symbols only: emoji need a font a headless or locked-down machine may not have.
      for (const ch of b.icon) expect(ch.codePointAt(0)).toBeLessThan(0x10000);
      expect(b.size.w).toBeGreaterThan(0);
      expect(b.size.h).toBeGreaterThan(0);
    }
  });

  it('covers what the prototype stage needs', () => {
    const ids = BLOCK_CATALOGUE.map((b) => b.id);
    for (const id of [
      'social-enterprise',
      'regular-enterprise',
      'eco-municipality',
      'eco-uwv',
      'eco-school',
      'eco-social-org',
      'eco-sector',
      'people-candidates',
      'res-people',
      'res-money',
      'res-means',
      'res-mass',
      'res-media',
      'res-knowledge',
      'res-method',
      'level-transaction',
      'level-integration',
      'level-transformation',
    ])
      expect(ids).toContain(id);
    for (const g of BLOCK_GROUPS) expect(blocksInGroup(g).length).toBeGreaterThan(0);
  });

  it('has every label, description and group heading in Dutch and English', () => {
    for (const b of BLOCK_CATALOGUE) {
      for (const t of [b.label, b.description]) {
        expect(t.nl.trim()).not.toBe('');
        expect(t.en.trim()).not.toBe('');
      }
    }
    for (const g of BLOCK_GROUPS) expect(BLOCK_GROUP_LABELS[g].en).not.toBe('');
  });

  it('picks readable ink for light and dark fills', () => {
    expect(blockInk('#7c3aed')).toBe('#ffffff');
    expect(blockInk('#2563eb')).toBe('#ffffff');
    expect(blockInk('#facc15')).toBe('#1f2937');
    expect(blockInk('#cbd5e1')).toBe('#1f2937');
    expect(blockInk('not a colour')).toBe('#1f2937');
  });
});
