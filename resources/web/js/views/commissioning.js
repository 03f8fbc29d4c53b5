export function render(main) { main.textContent = 'commissioning'; }
