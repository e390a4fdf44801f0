// @ts-check
// On a narrow window the filter panel would push the map below the fold, so styles.css hides it
// there and this button in the top bar opens and closes it. On a wide window the button is not
// shown and the panel always is.

/**
 * @param {HTMLButtonElement} button  carries aria-controls (the panel's id) and aria-expanded
 * @param {HTMLElement} panel
 */
export function createFiltersToggle(button, panel) {
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true'
    button.setAttribute('aria-expanded', String(open))
    panel.classList.toggle('open', open)
    // the keyboard goes where the eyes go: into the panel that just opened
    if (open) panel.querySelector('input')?.focus()
  })
}
