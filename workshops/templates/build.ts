/** Small helpers that keep the five template files readable. */
import type { LocalText } from '../i18n';
import type { TemplateItem } from './types';

export const PAD = 40;

/** Pastel frame fills: light enough for every sticky colour to stand out. */
export const FILL = {
  intro: '#f1f5f9',
  neutral: '#f8fafc',
  blue: '#eff6ff',
  green: '#ecfdf5',
  amber: '#fffbeb',
  pink: '#fdf2f8',
  violet: '#f5f3ff',
  white: '#ffffff',
} as const;

export function frame(
  key: string,
  x: number,
  y: number,
  w: number,
  h: number,
  title: LocalText,
  color: string = FILL.neutral,
): TemplateItem {
  return { type: 'frame', key, x, y, w, h, title, color };
}

export function text(
  key: string,
  x: number,
  y: number,
  w: number,
  h: number,
  body: LocalText,
  fontSize = 18,
): TemplateItem {
  return { type: 'text', key, x, y, w, h, text: body, fontSize };
}

/** A grey example sticky: shows what goes where; starts with "Voorbeeld"/"Example". */
export function example(key: string, x: number, y: number, body: LocalText): TemplateItem {
  return {
    type: 'sticky',
    key,
    x,
    y,
    w: 260,
    h: 180,
    color: 'grey',
    text: { nl: `Voorbeeld: ${body.nl}`, en: `Example: ${body.en}` },
  };
}

/** Joins texts line by line in both languages. */
export function lines(...parts: LocalText[]): LocalText {
  return { nl: parts.map((p) => p.nl).join('\n'), en: parts.map((p) => p.en).join('\n') };
}
