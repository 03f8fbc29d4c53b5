// The console's shell: sign-in, navigation and history routing. Each view is a module exporting
// render(container, params) that may return a cleanup function, called when the view is left
// (to drop its stream listeners).

import { onSignedOut, session } from './api.js';
import { h, replace } from './dom.js';
import * as stream from './stream.js';
import * as login from './views/login.js';
import * as overview from './views/overview.js';
import * as hardware from './views/hardware.js';
import * as tenants from './views/tenants.js';
import * as services from './views/services.js';
import * as health from './views/health.js';
import * as events from './views/events.js';
import { lazyView } from './lazyView.js';

const operatorRoutes = [
  { path: /^\/$/, view: overview, nav: '/' },
  { path: /^\/hardware$/, view: hardware, nav: '/hardware' },
  // A device's and a tenant's pages carry the forms, certificate and dashboard modules: fetched on
  // the first visit, not with the first load of the console.
  { path: /^\/devices\/([^/]+)$/, view: lazyView(() => import('./views/device.js')), nav: '/hardware', params: ['id'] },
  { path: /^\/tenants$/, view: tenants, nav: '/tenants' },
  { path: /^\/tenants\/([^/]+)$/, view: lazyView(() => import('./views/tenant.js')), nav: '/tenants', params: ['id'] },
  { path: /^\/services$/, view: services, nav: '/services' },
  { path: /^\/health$/, view: health, nav: '/health' },
  { path: /^\/events$/, view: events, nav: '/events' },
  { path: /^\/topology$/, view: lazyView(() => import('./views/topology.js')), nav: '/topology' },
  { path: /^\/capacity$/, view: lazyView(() => import('./views/capacity.js')), nav: '/capacity' },
  { path: /^\/onboarding$/, view: lazyView(() => import('./views/onboarding.js')), nav: '/onboarding' },
  { path: /^\/commissioning$/, view: lazyView(() => import('./views/commissioning.js')), nav: '/commissioning' },
  { path: /^\/settings$/, view: lazyView(() => import('./views/settings.js')), nav: '/settings' },
];

const operatorNav = [
  ['/', 'Overview'], ['/hardware', 'Hardware'], ['/tenants', 'Tenants'],
  ['/services', 'Services'], ['/health', 'Health'], ['/events', 'Events'],
  ['/topology', 'Topology'], ['/capacity', 'Capacity'], ['/onboarding', 'Onboarding'], ['/commissioning', 'Commissioning'],
];

// A tenant's users get the portal: their own tenant only (the API answers them nothing else).
const tenantRoutes = [
  { path: /^\/$/, view: lazyView(() => import('./views/portal.js')), nav: '/' },
  { path: /^\/services$/, view: lazyView(() => import('./views/portal-services.js')), nav: '/services' },
  { path: /^\/keys$/, view: lazyView(() => import('./views/portal-keys.js')), nav: '/keys' },
  { path: /^\/events$/, view: events, nav: '/events' },
];

const tenantNav = [
  ['/', 'Overview'], ['/services', 'Services'], ['/keys', 'Access keys'], ['/events', 'Events'],
];

const forOperator = () => session.isOperator;

const app = document.getElementById('app');
let leaveView = null;
let leaveShell = null;

export function navigate(path, { replace: replacing = false } = {}) {
  if (replacing) history.replaceState(null, '', path); else history.pushState(null, '', path);
  render();
}

function shell(activeNav) {
  const user = session.user;
  const liveState = h('span', { class: 'live', id: 'live-state', role: 'status' }, 'offline');
  leaveShell = stream.onState((state) => {
    liveState.textContent = state === 'live' ? 'live' : state;
    liveState.dataset.state = state;
  });
  const main = h('main', { id: 'main', tabindex: '-1' });
  const signOut = h('button', { type: 'button', class: 'link-button', onclick: () => session.clear() }, 'Sign out');
  const body = h('div', { class: 'shell' },
    h('a', { href: '#main', class: 'skip' }, 'Skip to content'),
    h('header', { class: 'topbar' },
      h('a', { href: '/', 'data-link': true, class: 'brand' },
        h('img', { src: '/icons/logo.svg', alt: '', width: 28, height: 28 }), 'NeoCloud Box'),
      h('nav', { 'aria-label': 'Main' },
        h('ul', {}, (forOperator() ? operatorNav : tenantNav).map(([path, title]) => h('li', {},
          h('a', { href: path, 'data-link': true, 'aria-current': path === activeNav ? 'page' : null }, title))))),
      h('div', { class: 'who' }, liveState, h('span', {}, `${user?.username ?? ''} · ${user?.role ?? ''}`),
        // Beside the user rather than in the full main navigation, as settings usually are.
        forOperator() ? h('a', { href: '/settings', 'data-link': true, 'aria-current': activeNav === '/settings' ? 'page' : null }, 'Settings') : null,
        signOut)),
    user?.viewingAs ? h('p', { class: 'viewing-as', role: 'note' },
      'Viewing as this tenant: read-only, the way its users see the portal.') : null,
    main);
  replace(app, body);
  return main;
}

function render() {
  rendered = location.pathname + location.search;
  leaveView?.();
  leaveShell?.();
  leaveView = null;
  leaveShell = null;
  if (!session.token) {
    if (location.pathname !== '/login') history.replaceState(null, '', `/login?next=${encodeURIComponent(location.pathname + location.search)}`);
    replace(app);
    login.render(app, { onSignedIn: (next) => { stream.start(); navigate(next || '/', { replace: true }); } });
    return;
  }
  if (location.pathname === '/login') { history.replaceState(null, '', '/'); }
  const route = (forOperator() ? operatorRoutes : tenantRoutes).find((r) => r.path.test(location.pathname));
  const main = shell(route?.nav);
  if (!route) {
    replace(main, h('h1', {}, 'Not found'), h('p', {}, `There is no page ${location.pathname}.`),
      h('a', { href: '/', 'data-link': true }, 'Back to the overview'));
    return;
  }
  const match = location.pathname.match(route.path);
  const params = Object.fromEntries((route.params ?? []).map((name, i) => [name, decodeURIComponent(match[i + 1])]));
  leaveView = route.view.render(main, params, new URLSearchParams(location.search)) ?? null;
}

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-link]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  navigate(link.getAttribute('href'));
  document.getElementById('main')?.focus();
});
// Following an in-page anchor (the skip link) also fires popstate: only a new path re-renders.
let rendered = null;
window.addEventListener('popstate', () => {
  if (location.pathname + location.search !== rendered) render();
});
onSignedOut(() => { stream.stop(); render(); });

if (session.token) stream.start();
render();
