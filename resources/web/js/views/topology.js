// Topology: the network graph (GET /api/v1/topology, drawn on a canvas; layout.js, canvas.js)
// and the rack elevations (racks.js) of a site. The graph is told in words too: a summary,
// the devices needing attention, a search that finds and focuses a device, and the selected
// device's facts. Inventory changes from the live stream reload the data, keeping the view.

import { api } from '../api.js';
import { errorBox, h, replace, statusBadge } from '../dom.js';
import { navigate } from '../main.js';
import * as stream from '../stream.js';
import { findDevices, layout, summarize } from '../topology/layout.js';
import { GraphCanvas } from '../topology/canvas.js';
import { rackElevations } from '../topology/racks.js';

const ATTENTION_LIMIT = 50;

function summaryText(s) {
  return `${s.devices} devices: ${s.tiers.spine} spine and ${s.tiers.leaf} leaf switches, ${s.tiers.host} other devices in `
    + `${s.racks} racks; ${s.links} links, ${s.linksDown} down. Health: ${s.health.ok} ok, ${s.health.warning} warning, `
    + `${s.health.critical} critical, ${s.health.unknown} unknown.`;
}

// The links whose port says down, as cable labels ("leaf-01 swp7 – gpu-001 eth2"), drawn red in
// the graph; the canvas cannot be read, so this list is what a screen reader hears of them.
function linksDownList(topology, graph) {
  const names = new Map(graph.nodes.map((n) => [n.device.id, n.device.name]));
  const end = (e) => `${names.get(e.device) ?? e.device}${e.port ? ` ${e.port}` : ''}`;
  const down = (topology.links ?? []).filter((l) => l.state === 'down');
  return [
    h('h2', {}, 'Links down'),
    down.length === 0 ? h('p', { class: 'muted' }, 'No link reports down.')
      : h('ul', { class: 'attention', id: 'topology-links-down' }, down.slice(0, ATTENTION_LIMIT).map((l) => h('li', {},
        h('span', { class: 'badge badge-critical' }, 'down'), ' ', `${end(l.a)} – ${end(l.b)}`))),
    down.length > ATTENTION_LIMIT ? h('p', { class: 'muted' }, `and ${down.length - ATTENTION_LIMIT} more.`) : null,
  ];
}

function selectedFacts(node, rackName) {
  if (!node) return h('p', { class: 'muted' }, 'Select a device in the graph or find it by name.');
  const d = node.device;
  return [
    h('h3', {}, d.name, ' ', statusBadge(d.health)),
    h('dl', { class: 'facts' }, [
      ['Kind', node.tier === 'host' ? d.kind : `${node.tier} switch`],
      ['Rack', d.rack ? `${rackName(d.rack)}${d.position ? ` U${d.position}` : ''}` : '—'],
      ['Model', d.model], ['State', d.state],
    ].map(([term, value]) => [h('dt', {}, term), h('dd', {}, value || '—')])),
    h('a', { href: `/devices/${encodeURIComponent(d.id)}`, 'data-link': true, id: 'topology-device-link' }, `Open ${d.name}`),
  ];
}

function graphSection(siteId) {
  const canvas = h('canvas', {
    id: 'topology-canvas', tabindex: '0', role: 'img', 'aria-describedby': 'topology-help topology-summary',
    'aria-label': 'Network graph',
  });
  const selected = h('section', { class: 'topology-selected card', id: 'topology-selected', 'aria-live': 'polite', 'aria-labelledby': 'selected-title' },
    h('h2', { id: 'selected-title' }, 'Selected device'), h('div', {}, h('p', { class: 'muted' }, 'Loading…')));
  const summary = h('p', { id: 'topology-summary', 'aria-live': 'polite' });
  const attention = h('div', { id: 'topology-attention' });
  const matches = h('ul', { class: 'topology-matches', id: 'topology-matches', 'aria-label': 'Devices found' });
  const search = h('input', { id: 'topology-search', type: 'search', placeholder: 'name, serial, model…', autocomplete: 'off' });
  const found = h('p', { class: 'muted', id: 'topology-found', 'aria-live': 'polite' });
  const busy = h('div', { class: 'graph-wrap', 'aria-busy': 'true' }, canvas);
  let graph = null;
  let racks = new Map();
  const rackName = (id) => racks.get(id) ?? id;
  const showSelected = (node) => replace(selected.lastChild, selectedFacts(node, rackName));
  const view = new GraphCanvas(canvas, {
    onSelect: showSelected,
    onActivate: (node) => navigate(`/devices/${encodeURIComponent(node.device.id)}`),
  });

  const focusMatch = (index) => {
    view.focusNode(index);
    canvas.focus({ preventScroll: true });
  };
  const runSearch = () => {
    if (!graph) return;
    const hits = findDevices(graph, search.value);
    replace(matches, hits.map((i) => h('li', {}, h('button', { type: 'button', class: 'link-button', onclick: () => focusMatch(i) },
      graph.nodes[i].device.name))));
    replace(found, search.value.trim() === '' ? '' : hits.length === 0 ? `No device matches “${search.value.trim()}”.`
      : `${hits.length === 10 ? 'First 10' : hits.length} matching device${hits.length === 1 ? '' : 's'}; the first is selected.`);
    if (hits.length) view.focusNode(hits[0]);
  };
  const toolbar = h('form', { class: 'filters', role: 'search', onsubmit: (e) => { e.preventDefault(); runSearch(); } },
    h('label', { for: 'topology-search' }, 'Find a device'), search,
    h('button', { type: 'submit' }, 'Find'),
    h('span', { class: 'toolbar-gap' }),
    h('button', { type: 'button', 'aria-label': 'Zoom out', onclick: () => view.zoomBy(0.8) }, '−'),
    h('button', { type: 'button', 'aria-label': 'Zoom in', onclick: () => view.zoomBy(1.25) }, '+'),
    h('button', { type: 'button', onclick: () => view.fit() }, 'Fit'));

  const load = async ({ fit }) => {
    try {
      const [topology, rackPage] = await Promise.all([
        api('/topology', { query: { site: siteId } }),
        api('/racks', { query: { site: siteId, limit: 1000 } }),
      ]);
      racks = new Map(rackPage.items.map((r) => [r.id, r.name]));
      const started = performance.now();
      graph = layout(topology, rackPage.items);
      canvas.dataset.layoutMs = (performance.now() - started).toFixed(1);
      canvas.dataset.nodes = String(graph.nodes.length);
      view.setGraph(graph, { fit });
      const s = summarize(graph);
      canvas.setAttribute('aria-label', `Network graph. ${summaryText(s)}`);
      replace(summary, summaryText(s));
      const bad = graph.nodes.filter((n) => n.device.health === 'critical' || n.device.health === 'warning')
        .sort((a, b) => (a.device.health === 'critical' ? 0 : 1) - (b.device.health === 'critical' ? 0 : 1));
      replace(attention, h('h2', {}, 'Devices needing attention'), bad.length === 0
        ? h('p', { class: 'muted' }, 'Every device is healthy or unknown.')
        : h('ul', { class: 'attention' }, bad.slice(0, ATTENTION_LIMIT).map((n) => h('li', {},
          statusBadge(n.device.health), ' ',
          h('a', { href: `/devices/${encodeURIComponent(n.device.id)}`, 'data-link': true }, n.device.name),
          n.device.rack ? h('span', { class: 'muted' }, ` in ${rackName(n.device.rack)}`) : null)),
        bad.length > ATTENTION_LIMIT ? h('p', { class: 'muted' }, `and ${bad.length - ATTENTION_LIMIT} more.`) : null),
        linksDownList(topology, graph));
      showSelected(view.selected >= 0 ? graph.nodes[view.selected] : null);
    } catch (error) {
      replace(summary, errorBox(error));
    } finally {
      busy.removeAttribute('aria-busy');
    }
  };

  const element = h('div', { class: 'topology' },
    toolbar, found, matches,
    h('div', { class: 'topology-body' },
      h('div', {}, busy,
        h('p', { class: 'muted small', id: 'topology-help' },
          'Drag to pan, wheel or two fingers to zoom; with the graph focused, the arrow keys pan, + and − zoom, 0 fits, Enter opens the selected device and Esc clears the selection.')),
      selected),
    summary, attention);
  load({ fit: true });
  return { element, reload: () => load({ fit: false }), leave: () => view.destroy(), view };
}

export function render(main, _params, query) {
  const siteId = query.get('site') ?? '';
  const show = query.get('show') === 'racks' ? 'racks' : 'graph';
  const setQuery = (changes) => {
    const next = new URLSearchParams({ site: siteId, show, ...changes });
    for (const [k, v] of [...next]) if (!v || (k === 'show' && v === 'graph')) next.delete(k);
    navigate(`/topology${next.size ? `?${next}` : ''}`, { replace: true });
  };
  const sitePicker = h('select', { id: 'topology-site', onchange: () => setQuery({ site: sitePicker.value }) },
    h('option', { value: '' }, 'all sites'));
  const tabs = h('div', { class: 'segmented', role: 'group', 'aria-label': 'Show' },
    [['graph', 'Network graph'], ['racks', 'Rack elevations']].map(([value, title]) => h('button', {
      type: 'button', 'aria-pressed': String(value === show), onclick: () => setQuery({ show: value }),
    }, title)));
  const area = h('div');
  replace(main, h('h1', {}, 'Topology'),
    h('div', { class: 'filters' }, h('label', { for: 'topology-site' }, 'Site'), sitePicker, tabs), area);

  let part = null;
  const showPart = (site) => {
    part = show === 'racks' ? rackElevations(site) : graphSection(site);
    replace(area, part.element);
  };
  // The graph needs no site list: it starts loading at once (at 10,000 devices, waiting for
  // /sites first cost a round trip before the big one).
  if (show === 'graph') showPart(siteId);
  api('/sites', { query: { limit: 1000 } }).then((page) => {
    for (const s of page.items) sitePicker.append(h('option', { value: s.id, selected: s.id === siteId }, s.name));
    if (show === 'graph') return;
    // Racks are drawn one site at a time: without a choice, the first site.
    if (!siteId && page.items.length) {
      sitePicker.firstChild.remove();
      showPart(page.items[0].id);
    } else {
      showPart(siteId);
    }
  }, (error) => replace(area, errorBox(error)));

  let pending = null;
  const off = stream.on('inventory', () => {
    clearTimeout(pending);
    pending = setTimeout(() => part?.reload(), 500);
  });
  return () => { clearTimeout(pending); off(); part?.leave(); };
}
