// The live channel: GET /api/v1/stream read with fetch() and a ReadableStream (an EventSource
// cannot send the Authorization header, and a token in the URL would end up in logs). Parses
// Server-Sent Events and hands each item to the views that listen for its type; reconnects
// with a growing delay when the connection drops.

import { session } from './api.js';

const handlers = new Map(); // type -> Set of callbacks
let controller = null;
let retryMs = 1000;
let state = 'closed';
const stateListeners = new Set();

export function on(type, callback) {
  if (!handlers.has(type)) handlers.set(type, new Set());
  handlers.get(type).add(callback);
  return () => handlers.get(type).delete(callback);
}

export function onState(callback) {
  stateListeners.add(callback);
  callback(state);
  return () => stateListeners.delete(callback);
}

function setState(next) {
  state = next;
  for (const callback of stateListeners) callback(state);
}

function dispatch(type, data) {
  for (const callback of handlers.get(type) ?? []) {
    try { callback(data); } catch (error) { console.error(`stream ${type} handler`, error); }
  }
}

// One frame ("event: x\nid: n\ndata: {...}") into {type, data}; comments (heartbeats) are null.
export function parseFrame(frame) {
  let type = 'message';
  const data = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith(':') || line === '') continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return null;
  try { return { type, data: JSON.parse(data.join('\n')) }; } catch { return null; }
}

export function start() {
  stop();
  if (!session.token) return;
  controller = new AbortController();
  run(controller.signal);
}

export function stop() {
  controller?.abort();
  controller = null;
  setState('closed');
}

async function run(signal) {
  setState('connecting');
  try {
    const response = await fetch('/api/v1/stream', {
      headers: { Authorization: `Bearer ${session.token}`, Accept: 'text/event-stream' },
      signal,
    });
    if (response.status === 401) { session.clear(); return; }
    if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value.replace(/\r\n/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const item = parseFrame(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (!item) continue;
        if (item.type === 'ready') { retryMs = 1000; setState('live'); }
        dispatch(item.type, item.data);
      }
    }
  } catch (error) {
    if (signal.aborted) return;
  }
  if (signal.aborted) return;
  setState('reconnecting');
  setTimeout(() => { if (!signal.aborted) run(signal); }, retryMs);
  retryMs = Math.min(retryMs * 2, 30000);
}
