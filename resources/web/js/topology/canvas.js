// Draws a laid-out network graph (layout.js) on one <canvas>: 10,000 devices are 10,000
// rectangles in a bitmap, not 10,000 DOM nodes. Pan by dragging or the arrow keys, zoom with
// the wheel, two fingers, +/- or the buttons; a click selects the device under the pointer and
// Enter opens the selected one. Links are batched into one path, names are drawn only when
// they can be read, and only what is in view is drawn. Colours come from the page's CSS variables, so light and dark follow the theme.

import { nodeAt } from './layout.js';

const MIN_ZOOM = 0.02;
const MAX_ZOOM = 4;
const LABEL_ZOOM = 0.8; // below this a host's name would be unreadable: leave it out
const FIT_PADDING = 40;

function themeColours(element) {
  const style = getComputedStyle(element);
  const v = (name) => style.getPropertyValue(name).trim();
  return {
    panel: v('--panel'), text: v('--text'), muted: v('--muted'), border: v('--border'), focus: v('--focus'),
    accent: v('--accent'),
    health: { ok: v('--healthy'), warning: v('--degraded'), critical: v('--down'), unknown: v('--unknown') },
    fill: { ok: v('--healthy-bg'), warning: v('--degraded-bg'), critical: v('--down-bg'), unknown: v('--unknown-bg') },
  };
}

export class GraphCanvas {
  constructor(canvas, { onSelect, onActivate } = {}) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.onSelect = onSelect ?? (() => {});
    this.onActivate = onActivate ?? (() => {});
    this.graph = null;
    this.zoom = 1;
    this.offset = { x: 0, y: 0 };
    this.selected = -1;
    this.hovered = -1;
    this.colours = null; // read at the first draw: a canvas not yet in the page has no styles
    this.pending = false;
    this.drawCount = 0;
    this.lastDrawMs = 0;
    this.listen();
  }

  listen() {
    const c = this.canvas;
    let drag = null;
    const touches = new Map(); // pointerId -> {x, y}: two of them pinch-zoom (a tablet)
    let pinch = null;
    const spread = () => {
      const [a, b] = [...touches.values()];
      return { d: Math.hypot(a.x - b.x, a.y - b.y), x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    };
    c.addEventListener('pointerdown', (e) => {
      touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
      c.setPointerCapture(e.pointerId);
      if (touches.size === 2) { drag = null; pinch = spread(); return; }
      drag = { x: e.clientX, y: e.clientY, ox: this.offset.x, oy: this.offset.y, moved: false };
    });
    c.addEventListener('pointermove', (e) => {
      if (touches.has(e.pointerId)) touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (pinch && touches.size === 2) {
        const now = spread();
        const rect = c.getBoundingClientRect();
        if (pinch.d > 0) this.zoomAround(now.d / pinch.d, now.x - rect.left, now.y - rect.top);
        this.offset = { x: this.offset.x + now.x - pinch.x, y: this.offset.y + now.y - pinch.y };
        pinch = now;
        return;
      }
      if (drag) {
        const dx = e.clientX - drag.x;
        const dy = e.clientY - drag.y;
        if (Math.abs(dx) + Math.abs(dy) > 4) drag.moved = true;
        if (drag.moved) { this.offset = { x: drag.ox + dx, y: drag.oy + dy }; this.redraw(); }
        return;
      }
      const hit = this.hitAt(e);
      if (hit !== this.hovered) { this.hovered = hit; c.classList.toggle('pointing', hit >= 0); this.redraw(); }
    });
    const release = (e) => {
      touches.delete(e.pointerId);
      if (touches.size < 2) pinch = null;
    };
    c.addEventListener('pointerup', (e) => {
      release(e);
      if (drag && !drag.moved) this.select(this.hitAt(e), { notify: true });
      drag = null;
    });
    c.addEventListener('pointercancel', (e) => { release(e); drag = null; });
    c.addEventListener('pointerleave', () => { if (this.hovered >= 0) { this.hovered = -1; this.redraw(); } });
    c.addEventListener('wheel', (e) => {
      e.preventDefault();
      const rect = c.getBoundingClientRect();
      this.zoomAround(Math.exp(-e.deltaY * 0.0015), e.clientX - rect.left, e.clientY - rect.top);
    }, { passive: false });
    c.addEventListener('keydown', (e) => {
      const step = 60;
      const actions = {
        ArrowLeft: () => this.panBy(step, 0), ArrowRight: () => this.panBy(-step, 0),
        ArrowUp: () => this.panBy(0, step), ArrowDown: () => this.panBy(0, -step),
        '+': () => this.zoomBy(1.25), '=': () => this.zoomBy(1.25), '-': () => this.zoomBy(0.8),
        0: () => this.fit(), Escape: () => this.select(-1, { notify: true }),
        Enter: () => { if (this.selected >= 0) this.onActivate(this.graph.nodes[this.selected]); },
      };
      const action = actions[e.key];
      if (action) { e.preventDefault(); action(); }
    });
    this.resizer = new ResizeObserver(() => this.resize());
    this.resizer.observe(c);
    this.scheme = matchMedia('(prefers-color-scheme: dark)');
    this.onScheme = () => { this.colours = themeColours(c); this.redraw(); };
    this.scheme.addEventListener('change', this.onScheme);
  }

  destroy() {
    this.resizer.disconnect();
    this.scheme.removeEventListener('change', this.onScheme);
  }

  hitAt(event) {
    if (!this.graph) return -1;
    const rect = this.canvas.getBoundingClientRect();
    const wx = (event.clientX - rect.left - this.offset.x) / this.zoom;
    const wy = (event.clientY - rect.top - this.offset.y) / this.zoom;
    // A few pixels of slack: a 1-pixel box at a low zoom can still be hit.
    return nodeAt(this.graph, wx, wy, 3 / this.zoom);
  }

  size() {
    return { w: this.canvas.clientWidth, h: this.canvas.clientHeight };
  }

  resize() {
    const { w, h } = this.size();
    const ratio = window.devicePixelRatio || 1;
    if (this.canvas.width !== Math.round(w * ratio) || this.canvas.height !== Math.round(h * ratio)) {
      this.canvas.width = Math.round(w * ratio);
      this.canvas.height = Math.round(h * ratio);
      if (this.needsFit) this.fit(); else this.redraw();
    }
  }

  // A new graph; the view stays where it was unless asked to fit (a first load, another site).
  setGraph(graph, { fit = false } = {}) {
    const selectedId = this.graph?.nodes[this.selected]?.device.id;
    this.graph = graph;
    this.selected = selectedId ? (graph.indexOf.get(selectedId) ?? -1) : -1;
    this.hovered = -1;
    if (fit) this.fit(); else this.redraw();
  }

  fit() {
    const { w, h } = this.size();
    if (!this.graph || w === 0 || h === 0) { this.needsFit = true; return; }
    this.needsFit = false;
    const b = this.graph.bounds;
    const bw = b.right - b.left + 2 * FIT_PADDING;
    const bh = b.bottom - b.top + 2 * FIT_PADDING;
    this.zoom = Math.min(Math.max(Math.min(w / bw, h / bh), MIN_ZOOM), 1.4);
    this.offset = { x: w / 2 - ((b.left + b.right) / 2) * this.zoom, y: h / 2 - ((b.top + b.bottom) / 2) * this.zoom };
    this.redraw();
  }

  panBy(dx, dy) {
    this.offset = { x: this.offset.x + dx, y: this.offset.y + dy };
    this.redraw();
  }

  zoomBy(factor) {
    const { w, h } = this.size();
    this.zoomAround(factor, w / 2, h / 2);
  }

  zoomAround(factor, px, py) {
    const zoom = Math.min(Math.max(this.zoom * factor, MIN_ZOOM), MAX_ZOOM);
    const wx = (px - this.offset.x) / this.zoom;
    const wy = (py - this.offset.y) / this.zoom;
    this.zoom = zoom;
    this.offset = { x: px - wx * zoom, y: py - wy * zoom };
    this.redraw();
  }

  // Select a node and bring it into view at a zoom where its name reads.
  focusNode(index) {
    if (!this.graph || index < 0) return;
    const n = this.graph.nodes[index];
    const { w, h } = this.size();
    this.zoom = Math.max(this.zoom, 1.2);
    this.offset = { x: w / 2 - n.x * this.zoom, y: h / 2 - n.y * this.zoom };
    this.select(index, { notify: true });
  }

  select(index, { notify = false } = {}) {
    this.selected = index;
    this.redraw();
    if (notify) this.onSelect(index >= 0 ? this.graph.nodes[index] : null);
  }

  // One frame per animation frame however many changes asked for it.
  redraw() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => { this.pending = false; this.draw(); });
  }

  draw() {
    const started = performance.now();
    if (!this.colours?.panel) this.colours = themeColours(this.canvas);
    const { ctx, canvas, colours: c } = this;
    const ratio = canvas.width / Math.max(1, this.size().w);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = c.panel;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    if (!this.graph) return;
    ctx.setTransform(ratio * this.zoom, 0, 0, ratio * this.zoom, ratio * this.offset.x, ratio * this.offset.y);
    const { w, h } = this.size();
    const view = {
      left: -this.offset.x / this.zoom, top: -this.offset.y / this.zoom,
      right: (w - this.offset.x) / this.zoom, bottom: (h - this.offset.y) / this.zoom,
    };
    const inView = (n) => n.x + n.w / 2 >= view.left && n.x - n.w / 2 <= view.right
      && n.y + n.h / 2 >= view.top && n.y - n.h / 2 <= view.bottom;
    const { nodes, edges, groups } = this.graph;

    // Links: one path, drawn under the nodes. Those that touch the selection are drawn again on top.
    ctx.lineWidth = 1 / this.zoom;
    ctx.strokeStyle = c.border;
    ctx.beginPath();
    for (const [a, b, state] of edges) {
      if (state === 'down') continue;
      const na = nodes[a];
      const nb = nodes[b];
      if ((na.x < view.left && nb.x < view.left) || (na.x > view.right && nb.x > view.right)) continue;
      if ((na.y < view.top && nb.y < view.top) || (na.y > view.bottom && nb.y > view.bottom)) continue;
      ctx.moveTo(na.x, na.y);
      ctx.lineTo(nb.x, nb.y);
    }
    ctx.stroke();
    // Down links over the rest, red and thicker: a cut cable must not hide among thousands.
    ctx.strokeStyle = c.health.critical;
    ctx.lineWidth = 2.5 / this.zoom;
    ctx.beginPath();
    for (const [a, b, state] of edges) {
      if (state !== 'down') continue;
      ctx.moveTo(nodes[a].x, nodes[a].y);
      ctx.lineTo(nodes[b].x, nodes[b].y);
    }
    ctx.stroke();
    if (this.selected >= 0) {
      ctx.strokeStyle = c.accent;
      ctx.lineWidth = 2 / this.zoom;
      ctx.beginPath();
      for (const [a, b] of edges) {
        if (a !== this.selected && b !== this.selected) continue;
        ctx.moveTo(nodes[a].x, nodes[a].y);
        ctx.lineTo(nodes[b].x, nodes[b].y);
      }
      ctx.stroke();
    }

    // Nodes, batched by health so the fill colour changes four times, not 10,000.
    const border = Math.max(1, 1.5 / this.zoom);
    for (const health of ['ok', 'unknown', 'warning', 'critical']) {
      ctx.fillStyle = c.fill[health];
      ctx.strokeStyle = c.health[health];
      ctx.lineWidth = health === 'ok' ? border : border * 2;
      ctx.beginPath();
      let any = false;
      for (const n of nodes) {
        const nodeHealth = n.device.health in c.health ? n.device.health : 'unknown';
        if (nodeHealth !== health || !inView(n)) continue;
        ctx.rect(n.x - n.w / 2, n.y - n.h / 2, n.w, n.h);
        any = true;
      }
      if (any) { ctx.fill(); ctx.stroke(); }
    }

    ctx.fillStyle = c.text;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    if (this.zoom * 12 >= 8) {
      // Rack names over their group, switch names in their box.
      ctx.font = '600 12px system-ui, sans-serif';
      ctx.fillStyle = c.muted;
      for (const g of groups) {
        if (g.x + g.w / 2 < view.left || g.x - g.w / 2 > view.right || g.y < view.top - 20 || g.y > view.bottom + 20) continue;
        ctx.fillText(`${g.name} (${g.count})`, g.x, g.y - 4, Math.max(g.w, 80));
      }
      ctx.font = '11px system-ui, sans-serif';
      ctx.fillStyle = c.text;
      for (const n of nodes) if (n.tier !== 'host' && inView(n)) ctx.fillText(n.device.name, n.x, n.y, n.w - 6);
    }
    if (this.zoom >= LABEL_ZOOM) {
      // A host's whole name under its box: a shortened one would be ambiguous (cnode-01, dbox-01).
      ctx.font = '10px system-ui, sans-serif';
      ctx.textBaseline = 'top';
      for (const n of nodes) {
        if (n.tier !== 'host' || !inView(n)) continue;
        ctx.fillText(n.device.name, n.x, n.y + n.h / 2 + 2, 58);
      }
    }

    for (const [index, colour, width] of [[this.hovered, c.muted, 2], [this.selected, c.focus, 3]]) {
      if (index < 0) continue;
      const n = nodes[index];
      const pad = 4 / this.zoom;
      ctx.strokeStyle = colour;
      ctx.lineWidth = width / this.zoom;
      ctx.strokeRect(n.x - n.w / 2 - pad, n.y - n.h / 2 - pad, n.w + 2 * pad, n.h + 2 * pad);
    }
    this.drawCount += 1;
    this.lastDrawMs = performance.now() - started;
    this.canvas.dataset.draws = String(this.drawCount);
    this.canvas.dataset.drawMs = this.lastDrawMs.toFixed(1); // read by the benchmark
  }
}
