// A view whose module is fetched the first time it is shown, so the pages an operator opens
// now and then (a device, a tenant, topology, capacity, onboarding, commissioning, settings) cost
// nothing on the first load of the console. Same contract as a view module: render(main, params, query) → cleanup.

export function lazyView(load) {
  return {
    render(main, params, query) {
      let leave = null;
      let left = false;
      load().then((view) => {
        if (!left) leave = view.render(main, params, query) ?? null;
      }, (error) => {
        if (!left) main.textContent = `This page could not be loaded: ${error.message}`;
      });
      return () => { left = true; leave?.(); };
    },
  };
}
