// The Topology page's layout (resources/web/js/topology/layout.js) in plain node, on a site
// shaped like bench_hardware_view's: 2 spines, 250 racks each with a leaf and 39 servers, so
// 10,002 devices. It checks the layering the page relies on (spines over leaves over hosts, a
// rack's hosts side by side under their leaf), that hit-testing finds every node at its centre
// and nothing between racks, and the search order. The layout time is printed, not asserted.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDevices, layout, nodeAt, summarize } from '../../resources/web/js/topology/layout.js';
import { benchTopology } from './benchTopology.mjs';

test('10,002 devices lay out in layers, racks side by side (figure: layout time)', () => {
  const { topology, racks } = benchTopology();
  const started = performance.now();
  const graph = layout(topology, racks);
  const ms = performance.now() - started;
  console.log(`figure: layout of ${graph.nodes.length} devices and ${graph.edges.length} links: ${ms.toFixed(1)} ms`);

  assert.equal(graph.nodes.length, 10002);
  assert.equal(graph.edges.length, 250 * 2 + 250 * 39);
  const byId = new Map(graph.nodes.map((n) => [n.device.id, n]));
  assert.ok(graph.nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y)));
  assert.equal(byId.get('spine-1').tier, 'spine');
  assert.equal(byId.get('leaf-7').tier, 'leaf');
  assert.equal(byId.get('node-7-3').tier, 'host');
  assert.ok(byId.get('spine-1').y < byId.get('leaf-1').y && byId.get('leaf-1').y < byId.get('node-1-1').y);
  // A rack's hosts lie between the previous rack's and the next one's, and its leaf over them.
  for (const r of [1, 100, 249]) {
    const xs = (rack) => graph.nodes.filter((n) => n.device.rack === rack && n.tier === 'host').map((n) => n.x);
    assert.ok(Math.max(...xs(`rack-${r}`)) < Math.min(...xs(`rack-${r + 1}`)), `rack ${r} before rack ${r + 1}`);
    const leaf = byId.get(`leaf-${r}`);
    assert.ok(leaf.x >= Math.min(...xs(`rack-${r}`)) && leaf.x <= Math.max(...xs(`rack-${r}`)), `leaf ${r} over its rack`);
  }
  assert.equal(graph.groups.length, 250);
  const summary = summarize(graph);
  assert.deepEqual(summary.tiers, { spine: 2, leaf: 250, host: 9750 });
  assert.equal(summary.health.critical, Math.ceil(9750 / 97));
});

test('hit-testing finds each node at its centre and nothing in the gap between racks', () => {
  const { topology, racks } = benchTopology(20, 39);
  const graph = layout(topology, racks);
  graph.nodes.forEach((n, i) => assert.equal(nodeAt(graph, n.x, n.y), i, n.device.name));
  const lastOfRack1 = Math.max(...graph.nodes.filter((n) => n.device.rack === 'rack-1' && n.tier === 'host').map((n) => n.x + n.w / 2));
  const firstOfRack2 = Math.min(...graph.nodes.filter((n) => n.device.rack === 'rack-2' && n.tier === 'host').map((n) => n.x - n.w / 2));
  assert.ok(firstOfRack2 - lastOfRack1 > 20);
  assert.equal(nodeAt(graph, (lastOfRack1 + firstOfRack2) / 2, graph.nodes.find((n) => n.device.id === 'node-1-1').y), -1);
});

test('search: the exact name first, then names starting with it, then any containing it or a serial', () => {
  const { topology, racks } = benchTopology(12, 39);
  const graph = layout(topology, racks);
  const names = (text) => findDevices(graph, text, 5).map((i) => graph.nodes[i].device.name);
  assert.deepEqual(names('node-010-01'), ['node-010-01']);
  assert.deepEqual(names('LEAF-01').slice(0, 3), ['leaf-010', 'leaf-011', 'leaf-012']);
  assert.deepEqual(names('SN0000301'), ['node-003-01']);
  assert.deepEqual(names('no such device'), []);
  assert.deepEqual(names('  '), []);
});

test('devices without links or racks are still placed (the search must find them)', () => {
  const graph = layout({ nodes: [
    { id: 'a', name: 'lonely-server', kind: 'gpu-server', health: 'unknown' },
    { id: 'b', name: 'lonely-switch', kind: 'switch', health: 'warning' },
  ], links: [] }, []);
  assert.equal(graph.nodes.length, 2);
  assert.equal(graph.nodes[0].tier, 'host');
  assert.equal(graph.nodes[1].tier, 'leaf');
  assert.deepEqual(graph.groups.map((g) => g.name), ['Unracked']);
  assert.equal(findDevices(graph, 'lonely-server')[0], 0);
});

test('a link keeps the state the API gives it: a down one is counted and stays between its two devices', () => {
  const { topology, racks } = benchTopology(3, 2);
  topology.links[0].state = 'down';
  topology.links[1].state = 'up';
  delete topology.links[2].state;
  const graph = layout(topology, racks);
  assert.equal(summarize(graph).linksDown, 1);
  const down = graph.edges.filter((e) => e[2] === 'down');
  assert.equal(down.length, 1);
  const ends = new Set(down[0].slice(0, 2).map((i) => graph.nodes[i].device.id));
  assert.deepEqual(ends, new Set([topology.links[0].a.device, topology.links[0].b.device]));
  assert.equal(graph.edges.filter((e) => e[2] === 'unknown').length, topology.links.length - 2);
});
