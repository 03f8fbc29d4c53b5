export function render(main) { main.textContent = 'onboarding'; }
