// Rack elevations of one site: each rack a column of its units with its devices at their U
// positions (GET /api/v1/racks?site=, then GET /api/v1/devices?rack= for each rack as it
// scrolls into view, so a site of 250 racks costs only the racks on screen).

import { api } from '../api.js';
import { errorBox, h, replace } from '../dom.js';

function deviceBlock(device, units) {
  const top = units - (device.position + (device.heightU || 1) - 1) + 1; // U1 is at the bottom
  const block = h('a', {
    href: `/devices/${encodeURIComponent(device.id)}`, 'data-link': true,
    class: `rack-device health-${device.health ?? 'unknown'}`,
    title: `${device.name}: ${device.kind}, U${device.position}, health ${device.health}`,
  }, h('span', { class: 'rack-device-name' }, device.name), h('span', { class: 'visually-hidden' }, `, U${device.position}, health ${device.health}`));
  // CSSOM, not a style attribute: the CSP allows the one and refuses the other.
  block.style.gridRow = `${Math.max(1, top)} / span ${Math.max(1, device.heightU || 1)}`;
  block.style.gridColumn = '2';
  return block;
}

function rackFigure(rack) {
  const units = rack.units || 42;
  // Not aria-busy while waiting: a rack off screen may never load, and is not "busy".
  const body = h('div', { class: 'rack-units' });
  body.style.gridTemplateRows = `repeat(${units}, var(--u-height))`;
  const unplaced = h('ul', { class: 'rack-unplaced' });
  const figure = h('figure', { class: 'rack', 'data-rack': rack.id },
    h('figcaption', {}, h('strong', {}, rack.name), h('span', { class: 'muted' }, ` ${units}U · ${rack.devices ?? 0} devices`)),
    body, unplaced);
  const load = async () => {
    try {
      const page = await api('/devices', { query: { rack: rack.id, limit: 1000 } });
      const placed = page.items.filter((d) => d.position);
      // U numbers down the side, as printed on a rack's rails (decoration: each device says its U).
      const labels = Array.from({ length: units }, (_, i) => {
        const label = h('span', { class: 'rack-u', 'aria-hidden': 'true' }, String(units - i));
        label.style.gridRow = String(i + 1);
        return label;
      });
      replace(body, labels, placed.map((d) => deviceBlock(d, units)));
      replace(unplaced, page.items.filter((d) => !d.position).map((d) => h('li', {},
        h('a', { href: `/devices/${encodeURIComponent(d.id)}`, 'data-link': true }, d.name), ' (no U position)')));
    } catch (error) {
      replace(body, errorBox(error));
    }
  };
  return { figure, load };
}

export function rackElevations(siteId) {
  const area = h('div', { class: 'racks', 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading…'));
  const loaders = new Map();
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      loaders.get(entry.target)?.();
    }
  }, { rootMargin: '400px' });
  const reload = async () => {
    try {
      const page = await api('/racks', { query: { site: siteId, limit: 1000 } });
      observer.disconnect();
      loaders.clear();
      const racks = [...page.items].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
      replace(area, racks.length === 0 ? h('p', { class: 'muted' }, 'No racks at this site.') : racks.map((rack) => {
        const { figure, load } = rackFigure(rack);
        loaders.set(figure, load);
        observer.observe(figure);
        return figure;
      }));
    } catch (error) {
      replace(area, errorBox(error));
    } finally {
      area.removeAttribute('aria-busy');
    }
  };
  reload();
  return { element: area, reload, leave: () => observer.disconnect() };
}
