/**
 * In-page instrumentation, injected as plain source (never as a bundled function: the bench runs
 * under tsx/esbuild, whose helpers would not exist in the page).
 *
 * "Moving fps" counts animation frames whose view differs from the previous frame's: the
 * absolute transforms of the Konva stage and its layers and the CSS transform of the stage's
 * element (a canvas the compositor moves between redraws), sampled once per requestAnimationFrame.
 * A page can tick rAF at 60 while its view changes far less often; counting rAF alone misleads.
 */
export const PROBE_SOURCE = String.raw`
(() => {
  // gen: a stop() and start() within one frame must not leave two tick loops running.
  const state = { gen: 0, running: false, frames: 0, moving: 0, last: '', t0: 0, t1: 0, longest: 0, prev: 0, min: Infinity, max: 0 };
  // The board's stage is the largest one (a minimap or a thumbnail may add smaller stages).
  function stage() {
    const K = window.Konva;
    if (!K || !K.stages || !K.stages.length) return null;
    let best = null;
    for (const s of K.stages) {
      if (!best || s.width() * s.height() > best.width() * best.height()) best = s;
    }
    return best;
  }
  function contentLayer() {
    const s = stage();
    if (!s) return null;
    let best = null;
    let most = -1;
    for (const l of s.getLayers()) {
      const n = l.getChildren().length;
      if (n > most) { most = n; best = l; }
    }
    return best;
  }
  function signature() {
    const s = stage();
    if (!s) return '';
    // A canvas moved by CSS between redraws (Werkbank's board) shows a new view as well.
    const parts = [s.getAbsoluteTransform().m.join(','), s.container().style.transform];
    for (const l of s.getLayers()) parts.push(l.getAbsoluteTransform().m.join(','));
    // A group that carries the camera inside a layer counts too.
    const c = contentLayer();
    const first = c && c.getChildren()[0];
    if (first && first.getChildren) parts.push(first.getAbsoluteTransform().m.join(','));
    return parts.join('|');
  }
  function tick(now, gen) {
    if (!state.running || gen !== state.gen) return;
    const sig = signature();
    state.frames++;
    if (state.prev) state.longest = Math.max(state.longest, now - state.prev);
    state.prev = now;
    if (sig !== state.last) {
      state.moving++;
      const sc = window.__bench.scale();
      if (sc > 0) { state.min = Math.min(state.min, sc); state.max = Math.max(state.max, sc); }
    }
    state.last = sig;
    requestAnimationFrame((t) => tick(t, gen));
  }
  window.__bench = {
    start() {
      state.running = true; state.frames = 0; state.moving = 0; state.longest = 0; state.prev = 0;
      state.min = Infinity; state.max = 0;
      state.last = signature(); state.t0 = performance.now();
      const gen = ++state.gen;
      requestAnimationFrame((t) => tick(t, gen));
    },
    stop() {
      state.running = false; state.t1 = performance.now();
      const seconds = (state.t1 - state.t0) / 1000;
      return { seconds, frames: state.frames, moving: state.moving, longestFrameMs: state.longest,
        minScale: state.min === Infinity ? 0 : state.min, maxScale: state.max };
    },
    /** Absolute scale of the layer that holds the most nodes (the board content). */
    scale() {
      // Werkbank's board publishes itself for tests: its camera is the truth.
      const wb = window.__werkbank;
      if (wb && wb.board && wb.board.state && wb.board.state.camera) return wb.board.state.camera.zoom;
      const c = contentLayer();
      if (!c) return 0;
      const first = c.getChildren()[0];
      const node = first && first.getChildren ? first : c;
      return node.getAbsoluteScale().x;
    },
    /** Nodes drawn in the stage (all layers), a proxy for "the board has rendered". */
    nodes() {
      const s = stage();
      if (!s) return 0;
      let n = 0;
      for (const l of s.getLayers()) n += l.find(() => true).length;
      return n;
    },
    hasStage() { return Boolean(stage()); },
  };
  // Load timeline: node counts per frame from the page's start until the bench stops it, to
  // find when the board first showed (nearly) everything it shows once settled.
  const timeline = [];
  let lastCount = -1;
  window.__benchLoad = { timeline, stop: false };
  function record() {
    if (window.__benchLoad.stop) return;
    const n = window.__bench.nodes();
    if (n !== lastCount) { timeline.push([performance.now(), n]); lastCount = n; }
    requestAnimationFrame(record);
  }
  requestAnimationFrame(record);
})();
`;
