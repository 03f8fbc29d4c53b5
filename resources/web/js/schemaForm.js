// Fields for a service's parameters from its JSON Schema in the catalog (GET /api/v1/catalog):
// one schema renders every kind's form, as QGroundControl renders its parameter pages. Simple
// properties get simple controls (text, number, checkbox, a choice of a few values); lists of
// objects, which a form row would render badly, get a JSON text area filled with the catalog's
// example. The server checks the values against the same schema; its answer names the field.

import { h } from './dom.js';
import { field } from './forms.js';

class ParamError extends Error {
  constructor(path, message) { super(message); this.field = path; this.status = 0; this.code = 'invalid_params'; }
}

// "scrapeIntervalSeconds" reads as "Scrape interval seconds" where the schema has no title.
function title(name, spec, required) {
  const words = spec.title ?? name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().replace(/^./, (c) => c.toUpperCase());
  return `${words}${required ? '' : ' (optional)'}`;
}

// One property's control(s) and a read() that gives its value, or undefined to leave it out.
function control(name, spec, required, example, path) {
  const label = title(name, spec, required);
  const hint = spec.description;
  const items = spec.items ?? {};
  if (spec.type === 'boolean') {
    const box = h('input', { type: 'checkbox', checked: Boolean(spec.default) });
    box.dataset.field = path;
    box.id = `${path.replace(/[^A-Za-z0-9]/g, '-')}`;
    return {
      element: h('div', { class: 'field field-check' }, box, h('label', { for: box.id }, label),
        h('p', { class: 'field-error', id: `${box.id}-error`, hidden: true })),
      read: () => box.checked,
    };
  }
  if (spec.type === 'string' && spec.enum) {
    const select = h('select', { 'aria-required': String(required) },
      required ? null : h('option', { value: '' }, '—'),
      spec.enum.map((v) => h('option', { value: v, selected: v === spec.default }, v)));
    return { element: field(label, select, { path, hint }), read: () => select.value || undefined };
  }
  if (spec.type === 'integer' || spec.type === 'number') {
    const input = h('input', {
      type: 'number', min: spec.minimum, max: spec.maximum, step: spec.type === 'integer' ? 1 : 'any',
      value: spec.default ?? '', 'aria-required': String(required),
    });
    return { element: field(label, input, { path, hint }), read: () => (input.value === '' ? undefined : Number(input.value)) };
  }
  if (spec.type === 'array' && items.type === 'string' && items.enum) {
    // A few fixed choices (NFS, SMB): one checkbox each, the first carrying the field's path.
    const boxes = items.enum.map((v, i) => {
      const box = h('input', { type: 'checkbox', value: v, checked: (example ?? []).includes(v) || (required && i === 0) });
      box.id = `${path.replace(/[^A-Za-z0-9]/g, '-')}-${v}`;
      if (i === 0) box.dataset.field = path;
      return h('span', { class: 'field-check field' }, box, h('label', { for: box.id }, v));
    });
    const firstId = `${path.replace(/[^A-Za-z0-9]/g, '-')}-${items.enum[0]}`;
    return {
      element: h('fieldset', { class: 'choice-list' }, h('legend', {}, label), boxes,
        h('p', { class: 'field-error', id: `${firstId}-error`, hidden: true })),
      read: () => boxes.map((b) => b.querySelector('input')).filter((b) => b.checked).map((b) => b.value),
    };
  }
  if (spec.type === 'array' && items.type === 'string') {
    const input = h('input', { type: 'text', 'aria-required': String(required), value: (example ?? []).join(', ') });
    return {
      element: field(label, input, { path, hint: hint ?? 'Separate several with commas.' }),
      read: () => {
        const list = input.value.split(',').map((v) => v.trim()).filter(Boolean);
        return list.length || required ? list : undefined;
      },
    };
  }
  if (spec.type === 'string') {
    const input = h('input', { type: 'text', 'aria-required': String(required), value: spec.default ?? '', autocomplete: 'off' });
    return { element: field(label, input, { path, hint }), read: () => (input.value.trim() === '' ? undefined : input.value.trim()) };
  }
  // Lists of objects and nested objects: JSON, starting from the catalog's example.
  const area = h('textarea', { rows: 4, spellcheck: 'false', 'aria-required': String(required) },
    example === undefined ? '' : JSON.stringify(example, null, 1));
  return {
    element: field(`${label}, as JSON`, area, { path, hint }),
    read: () => {
      if (area.value.trim() === '') return undefined;
      try { return JSON.parse(area.value); } catch (error) { throw new ParamError(path, `${spec.title ?? name} is not valid JSON: ${error.message}`); }
    },
  };
}

// {element, read()} for a catalog entry {kind, title, schema, example}; `at` is the API's path
// of the params object ("services[0].params", or "params" for a single service).
export function paramsForm(entry, at) {
  const schema = entry.schema ?? {};
  const required = new Set(schema.required ?? []);
  // Required first: the server's JSON keeps keys sorted, which puts "exportRules" before "path".
  const entries = Object.entries(schema.properties ?? {});
  entries.sort(([a], [b]) => Number(required.has(b)) - Number(required.has(a)));
  const parts = entries.map(([name, spec]) => {
    // The example fills what a user would otherwise have to invent the shape of.
    const example = spec.type === 'array' || spec.type === 'object' ? entry.example?.[name] : undefined;
    return [name, control(name, spec, required.has(name), example, `${at}.${name}`)];
  });
  return {
    element: parts.length ? h('div', { class: 'params' }, parts.map(([, p]) => p.element))
      : h('p', { class: 'muted' }, 'This service takes no parameters.'),
    read: () => {
      const params = {};
      for (const [name, part] of parts) {
        const value = part.read();
        if (value !== undefined) params[name] = value;
      }
      return params;
    },
  };
}
