// A site shaped like bench_hardware_view's inventory, as GET /api/v1/topology and /racks would
// answer it: 2 spines, `rackCount` racks each with a leaf (linked to both spines) and `perRack`
// servers (every 13th a DBox, every 97th critical), so 10,002 devices by default. Used by the
// layout test and tests/bench/web_topology_bench.mjs.

export function benchTopology(rackCount = 250, perRack = 39) {
  const nodes = [];
  const links = [];
  const racks = [];
  for (const s of [1, 2]) nodes.push({ id: `spine-${s}`, name: `spine-${s}`, kind: 'switch', health: 'ok', rack: null });
  for (let r = 1; r <= rackCount; r += 1) {
    const rack = `rack-${r}`;
    racks.push({ id: rack, name: `r${String(r).padStart(3, '0')}` });
    const leaf = `leaf-${r}`;
    nodes.push({ id: leaf, name: `leaf-${String(r).padStart(3, '0')}`, kind: 'switch', health: 'ok', rack, position: 42 });
    for (const s of [1, 2]) links.push({ a: { device: leaf }, b: { device: `spine-${s}` } });
    for (let n = 1; n <= perRack; n += 1) {
      const id = `node-${r}-${n}`;
      const index = (r - 1) * perRack + (n - 1);
      nodes.push({
        id, name: `node-${String(r).padStart(3, '0')}-${String(n).padStart(2, '0')}`, kind: n % 13 === 0 ? 'storage-dbox' : 'gpu-server',
        health: index % 97 === 0 ? 'critical' : 'ok', rack, position: n, serial: `SN${String(r * 100 + n).padStart(7, '0')}`,
      });
      links.push({ a: { device: leaf }, b: { device: id } });
    }
  }
  return { topology: { nodes, links }, racks };
}
