/**
 * The camera fit (web/board/camera-fit.ts): every activity frame of every template opens on a
 * 390×844 phone with its text at least 12 px on screen and its top-left corner in view, fits
 * whole on a laptop where it can, and follow mode fits the facilitator's view instead of copying
 * their zoom.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Element } from '../../../workshops';
import { BOARD_TEMPLATES, applyTemplate } from '../../../workshops';
import type { Rect } from '../../../web/board/geometry';
import { viewRect } from '../../../web/board/geometry';
import {
  READABLE_TEXT_PX,
  fitBoard,
  fitFrame,
  followCamera,
  readableFit,
  smallestTextIn,
} from '../../../web/board/camera-fit';
import { TestBoard } from '../board/test-board';

const PHONE = { w: 390, h: 844 - 56 - 48 };
const LAPTOP = { w: 1280, h: 800 - 100 };

const inside = (outer: Rect, x: number, y: number) =>
  x >= outer.x && x <= outer.x + outer.w && y >= outer.y && y <= outer.y + outer.h;

function boardWith(stage: keyof typeof BOARD_TEMPLATES, size: { w: number; h: number }) {
  const doc = new Y.Doc();
  applyTemplate(doc, BOARD_TEMPLATES[stage], 'nl');
  const tb = new TestBoard(doc);
  tb.board.setViewport(size.w, size.h);
  return tb.board;
}

describe('readableFit', () => {
  it('fits a small area whole, centred, at most 100 %', () => {
    const cam = readableFit({ x: 0, y: 0, w: 300, h: 200 }, { w: 1280, h: 720 });
    expect(cam.zoom).toBe(1);
    expect(cam.x + 1280 / 2).toBeCloseTo(150);
    expect(cam.y + 720 / 2).toBeCloseTo(100);
  });

  it('a wide area on a phone: readable zoom, from the top-left, centred vertically if it fits', () => {
    const area = { x: 1000, y: 500, w: 2400, h: 300 };
    const cam = readableFit(area, { w: 390, h: 700 }, { textSize: 18 });
    expect(cam.zoom).toBeCloseTo(READABLE_TEXT_PX / 18);
    expect(cam.x).toBeLessThan(area.x);
    expect(inside(viewRect(cam, { w: 390, h: 700 }), area.x, area.y)).toBe(true);
    // 300 world px at 0.67 fit in 700 screen px: centred vertically.
    expect(cam.y + 700 / 2 / cam.zoom).toBeCloseTo(650);
  });

  it('fits a big area whole where its text stays readable (larger text allows a smaller zoom)', () => {
    const area = { x: 0, y: 0, w: 1000, h: 600 };
    const cam = readableFit(area, { w: 390, h: 700 }, { textSize: 40 });
    // 40 px text stays readable down to 30 %; the area fits whole at (390 − 48) / 1000.
    expect(cam.zoom).toBeCloseTo((390 - 48) / 1000);
    const view = viewRect(cam, { w: 390, h: 700 });
    expect(inside(view, 0, 0) && inside(view, 1000, 600)).toBe(true);
    // The same area with 18 px text: not below 12 px on screen.
    expect(readableFit(area, { w: 390, h: 700 }).zoom).toBeCloseTo(READABLE_TEXT_PX / 18);
  });
});

describe('every activity frame on a phone and a laptop', () => {
  for (const stage of Object.keys(BOARD_TEMPLATES) as Array<keyof typeof BOARD_TEMPLATES>) {
    it(`${stage}: readable text, top-left corner in view`, () => {
      for (const size of [PHONE, LAPTOP]) {
        const board = boardWith(stage, size);
        const frames = [...board.state.elements.values()].filter(
          (e): e is Extract<Element, { type: 'frame' }> => e.type === 'frame',
        );
        expect(frames.length).toBeGreaterThan(0);
        for (const f of frames) {
          expect(fitFrame(board, f.id)).toBe(true);
          const cam = board.state.camera;
          const text = smallestTextIn(board.state.elements.values(), f);
          expect(text * cam.zoom, `${f.id} text on screen`).toBeGreaterThanOrEqual(
            READABLE_TEXT_PX - 0.01,
          );
          const view = viewRect(cam, size);
          expect(inside(view, f.x, f.y), `${f.id} top-left in view`).toBe(true);
          const whole = inside(view, f.x + f.w, f.y + f.h);
          // On a laptop a frame that fits readably is shown whole.
          if (size === LAPTOP && text * Math.min(1, (size.w - 48) / f.w, (size.h - 48) / f.h) >= 12)
            expect(whole, `${f.id} whole on a laptop`).toBe(true);
        }
        // The whole board: at least readable (not the 8–29 % of a plain fit on a phone).
        expect(fitBoard(board)).toBe(true);
        expect(board.state.camera.zoom * 18).toBeGreaterThanOrEqual(READABLE_TEXT_PX - 0.01);
      }
    });
  }
});

describe('follow mode', () => {
  it("fits the facilitator's view to the phone instead of copying their zoom", () => {
    const board = boardWith('ideate', PHONE);
    // A laptop at 50 %: 2560 × 1400 world px around (800, 600).
    const cam = followCamera(board, { cx: 800, cy: 600, w: 2560, h: 1400, zoom: 0.5 });
    expect(cam.zoom).toBeCloseTo(READABLE_TEXT_PX / 18);
    const view = viewRect(cam, PHONE);
    expect(view.x + view.w / 2).toBeCloseTo(800);
    expect(view.y + view.h / 2).toBeCloseTo(600);
    // A small area (facilitator zoomed in on one sticky) fits whole.
    const close = followCamera(board, { cx: 100, cy: 100, w: 300, h: 200, zoom: 4 });
    const v2 = viewRect(close, PHONE);
    expect(v2.w).toBeGreaterThanOrEqual(300 - 0.01);
    expect(close.zoom).toBeCloseTo(390 / 300);
  });
});
