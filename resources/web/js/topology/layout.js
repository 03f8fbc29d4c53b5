// The network graph's layout, layered as the desktop's NetworkGraphItem lays it out: spine
// switches on top, leaf switches under them, and every other device in a small grid under its
// rack, racks side by side. It costs one pass over the nodes and one over the links (no force
// simulation), so 10,000 devices lay out in milliseconds. No DOM here: the benchmark and the
// unit test run it in plain node.

// World units; a zoom of 1 draws them as CSS pixels.
export const SPINE_Y = 0;
export const LEAF_Y = 170;
export const HOST_Y = 340;
const HOST_STEP_X = 70;
const HOST_STEP_Y = 46;
const GROUP_GAP = 64;
const LEAF_MIN_GAP = 104;
const SPINE_MIN_GAP = 150;
export const HOST_SIZE = 24;
export const SWITCH_SIZE = { w: 88, h: 28 };
// One collator: localeCompare with options builds a new one per call, a third of the layout's time.
const byName = new Intl.Collator(undefined, { numeric: true }).compare;

// {nodes: [device], links: [link]} and racks [{id, name}] into
// {nodes: [{device, x, y, w, h, tier, group}], edges: [[i, j, state]], groups: [{name, x, y, w, h}], bounds};
// a link's state (up, down, unknown) is the API's, read from the ports at its ends.
export function layout(topology, racks = []) {
  const devices = topology.nodes ?? [];
  const indexOf = new Map(devices.map((d, i) => [d.id, i]));
  const neighbours = devices.map(() => []);
  const edges = [];
  for (const link of topology.links ?? []) {
    const a = indexOf.get(link.a?.device);
    const b = indexOf.get(link.b?.device);
    if (a === undefined || b === undefined || a === b) continue;
    neighbours[a].push(b);
    neighbours[b].push(a);
    edges.push([a, b, link.state ?? 'unknown']);
  }
  const isSwitch = (i) => devices[i].kind === 'switch';

  // Hosts (everything but switches) grouped by rack in the racks' name order, then one group
  // for devices outside any rack. Unlike the desktop, a device with no link is drawn too, in
  // its rack: the search must find every device.
  const rackOrder = [...racks].sort((a, b) => byName(String(a.name), String(b.name)));
  const groupOf = new Map(rackOrder.map((r, g) => [r.id, g]));
  const members = rackOrder.map(() => []);
  const loose = [];
  for (let i = 0; i < devices.length; i += 1) {
    if (isSwitch(i)) continue;
    const g = groupOf.get(devices[i].rack);
    (g === undefined ? loose : members[g]).push(i);
  }
  const groupNames = [...rackOrder.map((r) => r.name), 'Unracked'];
  members.push(loose);

  const placed = new Array(devices.length);
  const groups = [];
  let x = 0;
  for (let g = 0; g < members.length; g += 1) {
    const list = members[g];
    if (list.length === 0) continue;
    list.sort((a, b) => (devices[a].position ?? 0) - (devices[b].position ?? 0) || byName(String(devices[a].name), String(devices[b].name)));
    // Wide rather than tall, so a rack reads as a row of machines under its leaf.
    const rows = Math.max(1, Math.ceil(Math.sqrt(list.length / 2)));
    const cols = Math.ceil(list.length / rows);
    list.forEach((d, k) => {
      placed[d] = { x: x + (k % cols) * HOST_STEP_X, y: HOST_Y + Math.floor(k / cols) * HOST_STEP_Y, w: HOST_SIZE, h: HOST_SIZE, tier: 'host', group: groups.length };
    });
    const width = (cols - 1) * HOST_STEP_X;
    groups.push({ name: groupNames[g], x: x + width / 2, y: HOST_Y - HOST_SIZE, w: width + HOST_SIZE, count: list.length });
    x += width + HOST_STEP_X + GROUP_GAP;
  }
  const hostsRight = Math.max(0, x - HOST_STEP_X - GROUP_GAP);

  // Switches: a leaf has at least one host below it (or no link at all), a spine links
  // switches only. A leaf sits over the middle of its hosts; leaves keep a minimum gap.
  const leaves = [];
  const spines = [];
  for (let i = 0; i < devices.length; i += 1) {
    if (!isSwitch(i)) continue;
    const hosts = neighbours[i].filter((n) => !isSwitch(n));
    if (hosts.length > 0 || neighbours[i].length === 0) {
      const sum = hosts.reduce((total, n) => total + placed[n].x, 0);
      leaves.push({ i, x: hosts.length ? sum / hosts.length : hostsRight + LEAF_MIN_GAP });
    } else {
      spines.push(i);
    }
  }
  leaves.sort((a, b) => a.x - b.x || byName(String(devices[a.i].name), String(devices[b.i].name)));
  for (let k = 1; k < leaves.length; k += 1) leaves[k].x = Math.max(leaves[k].x, leaves[k - 1].x + LEAF_MIN_GAP);
  for (const leaf of leaves) placed[leaf.i] = { x: leaf.x, y: LEAF_Y, w: SWITCH_SIZE.w, h: SWITCH_SIZE.h, tier: 'leaf', group: -1 };
  const left = leaves.length ? leaves[0].x : 0;
  const right = leaves.length ? leaves[leaves.length - 1].x : hostsRight;
  spines.sort((a, b) => byName(String(devices[a].name), String(devices[b].name)));
  const spineStep = spines.length > 1 ? Math.max(SPINE_MIN_GAP, (right - left) / spines.length) : 0;
  spines.forEach((i, k) => {
    placed[i] = { x: (left + right) / 2 + (k - (spines.length - 1) / 2) * spineStep, y: SPINE_Y, w: SWITCH_SIZE.w, h: SWITCH_SIZE.h, tier: 'spine', group: -1 };
  });

  const nodes = devices.map((device, i) => ({ device, ...placed[i] }));
  let bounds = null;
  for (const n of nodes) {
    const box = { left: n.x - n.w / 2, top: n.y - n.h / 2, right: n.x + n.w / 2, bottom: n.y + n.h / 2 };
    bounds = bounds ? {
      left: Math.min(bounds.left, box.left), top: Math.min(bounds.top, box.top),
      right: Math.max(bounds.right, box.right), bottom: Math.max(bounds.bottom, box.bottom),
    } : box;
  }
  return { nodes, edges, groups, bounds: bounds ?? { left: 0, top: 0, right: 1, bottom: 1 }, indexOf };
}

// The node under a world point, or -1. A linear scan: 10,000 boxes take well under a
// millisecond, and there is no index to keep in step with live changes.
export function nodeAt(graph, wx, wy, slack = 0) {
  for (let i = graph.nodes.length - 1; i >= 0; i -= 1) {
    const n = graph.nodes[i];
    if (Math.abs(wx - n.x) <= n.w / 2 + slack && Math.abs(wy - n.y) <= n.h / 2 + slack) return i;
  }
  return -1;
}

// Devices whose name, serial or model matches `text`: exact name first, then names that
// start with it, then any that contain it.
export function findDevices(graph, text, limit = 10) {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  const scored = [];
  graph.nodes.forEach((n, i) => {
    const name = String(n.device.name ?? '').toLowerCase();
    const other = `${n.device.serial ?? ''} ${n.device.model ?? ''}`.toLowerCase();
    const score = name === q ? 0 : name.startsWith(q) ? 1 : name.includes(q) ? 2 : other.includes(q) ? 3 : -1;
    if (score >= 0) scored.push([score, name, i]);
  });
  scored.sort((a, b) => a[0] - b[0] || byName(a[1], b[1]));
  return scored.slice(0, limit).map(([, , i]) => i);
}

// The summary a screen reader hears instead of the picture.
export function summarize(graph) {
  const tiers = { spine: 0, leaf: 0, host: 0 };
  const health = { ok: 0, warning: 0, critical: 0, unknown: 0 };
  for (const n of graph.nodes) {
    tiers[n.tier] += 1;
    health[n.device.health in health ? n.device.health : 'unknown'] += 1;
  }
  const racks = graph.groups.filter((g) => g.name !== 'Unracked').length;
  const linksDown = graph.edges.filter((e) => e[2] === 'down').length;
  return { tiers, health, racks, links: graph.edges.length, linksDown, devices: graph.nodes.length };
}
