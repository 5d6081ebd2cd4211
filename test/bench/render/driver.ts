/**
 * Real input through Chromium: wheel events at 60 per second via page.mouse.wheel, paced to the
 * wall clock (if the page is too busy to take them, fewer arrive — as for a real user).
 */
import type { Page } from 'playwright-core';

export const WHEEL_HZ = 60;
const STEP_MS = 1000 / WHEEL_HZ;

export interface Motion {
  seconds: number;
  frames: number;
  moving: number;
  longestFrameMs: number;
  /** Smallest and largest content scale seen on a moving frame. */
  minScale: number;
  maxScale: number;
}

/**
 * Calls `each` `steps` times over `seconds`, without waiting for each event's round trip: headless
 * Chromium acknowledges an input event only with the next frame, so awaiting every wheel call
 * would halve the rate to ~30/s. At most 4 events are in flight, so a page too busy to take them
 * gets fewer (as a real user's browser would coalesce them), never an unbounded backlog.
 */
async function paced(
  steps: number,
  seconds: number,
  each: (k: number) => Promise<void>,
): Promise<void> {
  const start = performance.now();
  const gap = (seconds * 1000) / steps;
  const inflight: Promise<void>[] = [];
  for (let k = 1; k <= steps; k++) {
    // A page too busy to take events would stretch the motion without end: cap it at 3×.
    if (performance.now() - start > seconds * 3000) break;
    while (inflight.length >= 4) await inflight.shift();
    const p = each(k);
    inflight.push(p);
    const due = start + k * gap;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  await Promise.all(inflight);
}

/** Counts moving frames while `fn` runs. */
export async function measure(page: Page, fn: () => Promise<void>): Promise<Motion> {
  await page.evaluate('window.__bench.start()');
  await fn();
  return (await page.evaluate('window.__bench.stop()')) as Motion;
}

/** Pans the view once around a circle of `diameter` px in `seconds` (wheel without modifiers). */
export async function panCircle(page: Page, seconds: number, diameter = 600): Promise<void> {
  await page.mouse.move(640, 360);
  const steps = Math.round(seconds * WHEEL_HZ);
  const r = diameter / 2;
  const at = (k: number) => {
    const t = (2 * Math.PI * k) / steps;
    return { x: r * Math.cos(t), y: r * Math.sin(t) };
  };
  await paced(steps, seconds, async (k) => {
    const a = at(k - 1);
    const b = at(k);
    await page.mouse.wheel(b.x - a.x, b.y - a.y);
  });
}

async function scale(page: Page): Promise<number> {
  return (await page.evaluate('window.__bench.scale()')) as number;
}

/**
 * ctrl+wheel at the view centre; returns the page's zoom response per unit of deltaY (ln). Call
 * it before the measured window (its round trips and pause are not motion).
 */
export async function calibrate(page: Page): Promise<number> {
  await page.mouse.move(640, 360);
  await page.keyboard.down('Control');
  const s0 = await scale(page);
  await page.mouse.wheel(0, -20);
  await new Promise((r) => setTimeout(r, 100));
  const s1 = await scale(page);
  await page.mouse.wheel(0, 20);
  await page.keyboard.up('Control');
  const k = s0 > 0 && s1 > 0 ? Math.log(s1 / s0) / 20 : 0;
  return Math.abs(k) > 1e-5 ? k : 0.002;
}

/**
 * Zooms with ctrl+wheel through `targets` (scale factors relative to the start), closed loop:
 * each event asks for the step that brings the view to where it should be at that moment.
 */
export async function zoomPath(
  page: Page,
  targets: number[],
  seconds: number,
  calibrated?: number,
): Promise<void> {
  const k = calibrated ?? (await calibrate(page));
  const base = await scale(page);
  const steps = Math.round(seconds * WHEEL_HZ);
  const legs = targets.length;
  const path = [1, ...targets];
  const want = (step: number) => {
    const pos = (Math.min(step, steps) / steps) * legs;
    const leg = Math.min(legs - 1, Math.floor(pos));
    const from = Math.log(path[leg] ?? 1);
    const to = Math.log(path[leg + 1] ?? 1);
    return base * Math.exp(from + (to - from) * (pos - leg));
  };
  // Open loop on the calibrated response; the page's real scale is read back once per leg (not
  // per event, which would add a round trip to every frame) to correct drift and clamping.
  let estimate = base;
  const perLeg = Math.max(1, Math.round(steps / legs));
  await page.mouse.move(640, 360);
  await page.keyboard.down('Control');
  try {
    await paced(steps, seconds, async (step) => {
      if (step % perLeg === 0) {
        const real = await scale(page);
        if (real > 0) estimate = real;
      }
      const dy = Math.max(-400, Math.min(400, -Math.log(want(step) / estimate) / k));
      estimate *= Math.exp(-k * dy);
      await page.mouse.wheel(0, dy);
    });
  } finally {
    await page.keyboard.up('Control');
  }
}

/** Zooms (closed loop) until the view's scale is `target`, or as close as the page allows. */
export async function zoomTo(page: Page, target: number): Promise<number> {
  const k = await calibrate(page);
  await page.mouse.move(640, 360);
  await page.keyboard.down('Control');
  try {
    let last = 0;
    const deadline = performance.now() + 20_000;
    for (let i = 0; i < 200 && performance.now() < deadline; i++) {
      const now = await scale(page);
      if (now <= 0 || Math.abs(Math.log(target / now)) < 0.02) break;
      if (i > 10 && Math.abs(now - last) / now < 0.001) break; // clamped by the page
      last = now;
      const dy = -Math.log(target / now) / k;
      await page.mouse.wheel(0, Math.max(-400, Math.min(400, dy)));
      await new Promise((r) => setTimeout(r, STEP_MS));
    }
  } finally {
    await page.keyboard.up('Control');
  }
  return scale(page);
}
