import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

/** Renders into a fresh container attached to the document; unmount() removes it. */
export async function renderInto(vnode: ComponentChild): Promise<{ container: HTMLElement; unmount(): void }> {
  const container = document.createElement('div');
  document.body.append(container);
  await act(() => {
    render(vnode, container);
  });
  return {
    container,
    unmount() {
      render(null, container);
      container.remove();
    },
  };
}

/** Changes a <select>, text input, checkbox or radio the way a user does, firing the events Preact listens to. */
export async function choose(element: HTMLSelectElement | HTMLInputElement, value?: string): Promise<void> {
  await act(() => {
    if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) {
      element.click();
    } else {
      element.value = value ?? '';
      element.dispatchEvent(new Event('input', { bubbles: true }));
      element.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });
}

export async function click(element: Element): Promise<void> {
  await act(() => {
    (element as HTMLElement).click();
  });
}

/** The text a sighted reader sees, spaces collapsed. */
export function visibleText(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Every form control has a label: <label for>, a wrapping <label>, or aria-label(ledby). */
export function unlabelledControls(root: Element): Element[] {
  return [...root.querySelectorAll('input, select, textarea, button')].filter((control) => {
    if (control.getAttribute('aria-label') || control.getAttribute('aria-labelledby')) return false;
    if (control.tagName === 'BUTTON') return visibleText(control) === '';
    if (control.closest('label')) return false;
    const id = control.getAttribute('id');
    return !(id && root.querySelector(`label[for="${CSS.escape(id)}"]`));
  });
}

/** The text without decorative icons (aria-hidden), as a screen reader speaks it. */
export function spokenText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return visibleText(copy);
}

/** The button whose spoken text is `name`. */
export function buttonNamed(root: Element, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => spokenText(b) === name);
  if (!found) throw new Error(`no button "${name}" among: ${[...root.querySelectorAll('button')].map(spokenText).join(' | ')}`);
  return found;
}
