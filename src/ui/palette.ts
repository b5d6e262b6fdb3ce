/** Colours of the extension's pages (popup, options, welcome). CSS reads them as `var(--wsp-<name>)`. */
export const PALETTE = {
  bg: '#ffffff',
  surface: '#f2f4f7',
  text: '#1b1f24',
  muted: '#4b5563',
  border: '#6b7280',
  primary: '#0b57d0',
  'on-primary': '#ffffff',
  link: '#0b57d0',
  focus: '#6d28d9',
  danger: '#b42318',
  'on-danger': '#ffffff',
  'danger-soft': '#fef3f2',
  'on-danger-soft': '#912018',
  'warning-soft': '#fffaeb',
  'on-warning-soft': '#7a2e0e',
  'success-soft': '#ecfdf3',
  'on-success-soft': '#05603a',
} as const;
export type PaletteColor = keyof typeof PALETTE;

/**
 * Foreground/background pairs the pages actually use, with the WCAG AA minimum each must meet:
 * 4.5 for text, 3 for focus rings and control borders (non-text contrast, WCAG 1.4.11).
 */
export const CONTRAST_PAIRS: ReadonlyArray<readonly [fg: PaletteColor, bg: PaletteColor, min: number]> = [
  ['text', 'bg', 4.5],
  ['text', 'surface', 4.5],
  ['muted', 'bg', 4.5],
  ['muted', 'surface', 4.5],
  ['link', 'bg', 4.5],
  ['link', 'surface', 4.5],
  ['primary', 'bg', 4.5], // secondary buttons: primary-coloured text on the page
  ['on-primary', 'primary', 4.5],
  ['on-danger', 'danger', 4.5], // also the toolbar badge
  ['on-danger-soft', 'danger-soft', 4.5],
  ['on-warning-soft', 'warning-soft', 4.5],
  ['on-success-soft', 'success-soft', 4.5],
  ['border', 'bg', 3],
  ['border', 'surface', 3],
  ['focus', 'bg', 3],
  ['focus', 'surface', 3],
  ['focus', 'warning-soft', 3],
];

/** Sets the palette as CSS custom properties on `root` (the page's <html>). */
export function applyPalette(root: HTMLElement): void {
  for (const [name, value] of Object.entries(PALETTE)) root.style.setProperty(`--wsp-${name}`, value);
}
