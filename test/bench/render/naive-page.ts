/**
 * A same-run baseline: the simplest Konva board one would write — every sticky a group of a
 * rect and a text on one layer, arrows on the same layer, no culling, no caching, no level of
 * detail. Wheel pans, ctrl+wheel zooms at the pointer (as the input script expects).
 * It shows what Werkbank's board gains over plain Konva on this machine.
 */
export function naivePageHtml(): string {
  return String.raw`<!doctype html><html><head><meta charset="utf-8">
<style>html,body{margin:0;overflow:hidden}</style></head><body><div id="c"></div></body></html>`;
}

/** Runs in the page after konva.min.js is loaded: builds the board from window.__seed. */
export const NAIVE_BOARD_SOURCE = String.raw`
(() => {
  const seed = window.__seed;
  const stage = new Konva.Stage({ container: 'c', width: innerWidth, height: innerHeight });
  const layer = new Konva.Layer();
  stage.add(layer);
  const world = new Konva.Group();
  layer.add(world);
  const fills = ['#fff176', '#ffcc80', '#f8bbd0', '#d1c4e9', '#b3e5fc', '#c5e1a5'];
  const byId = new Map();
  seed.stickies.forEach((s, i) => {
    const g = new Konva.Group({ x: s.x, y: s.y });
    g.add(new Konva.Rect({ width: 160, height: 160, fill: fills[i % fills.length]}));
    g.add(new Konva.Text({ x: 10, y: 10, width: 140, text: s.text, fontSize: 18, fontFamily: 'sans-serif' }));
    world.add(g);
    byId.set(s.id, s);
  });
  for (const c of seed.connectors) {
    const a = byId.get(c.from), b = byId.get(c.to);
    if (!a || !b) continue;
    world.add(new Konva.Arrow({ points: [a.x + 80, a.y + 80, b.x + 80, b.y + 80], stroke: '#555', fill: '#555', strokeWidth: 2 }));
  }
  stage.container().addEventListener('wheel', (e) => {
    e.preventDefault();
    if (e.ctrlKey) {
      const old = world.scaleX();
      const next = Math.min(8, Math.max(0.02, old * Math.exp(-e.deltaY * 0.01)));
      const px = e.offsetX, py = e.offsetY;
      const wx = (px - world.x()) / old, wy = (py - world.y()) / old;
      world.scale({ x: next, y: next });
      world.position({ x: px - wx * next, y: py - wy * next });
    } else {
      world.position({ x: world.x() - e.deltaX, y: world.y() - e.deltaY });
    }
    layer.batchDraw();
  }, { passive: false });
  layer.draw();
  window.__applyEdit = (id, x, y, text) => {
    const i = seed.stickies.findIndex((s) => s.id === id);
    const g = world.getChildren()[i];
    if (!g) return;
    g.position({ x, y });
    g.getChildren()[1].text(text);
    layer.batchDraw();
  };
})();
`;
